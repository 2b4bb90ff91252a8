//! Wrapping short texts (role titles) into lines that fit a box on the role map.
//!
//! SVG text does not wrap by itself, so the layout decides the lines. Widths are counted
//! in characters: the map's boxes are sized so that a line of the chosen length fits at
//! the map's font size.

/// Splits `text` into at most `max_lines` lines of at most `max_chars` characters,
/// breaking between words. A word longer than a line is broken with a hyphen. When the
/// text needs more lines than allowed, the last line ends with "…" so the cut is visible.
///
/// ```
/// use foothold::layout::wrap_words;
/// assert_eq!(
///     wrap_words("Chief nursing information officer", 21, 3),
///     vec!["Chief nursing", "information officer"],
/// );
/// ```
pub fn wrap_words(text: &str, max_chars: usize, max_lines: usize) -> Vec<String> {
    if max_lines == 0 || max_chars < 2 {
        return Vec::new();
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        for piece in split_long_word(word, max_chars) {
            let needed = if current.is_empty() {
                piece.chars().count()
            } else {
                current.chars().count() + 1 + piece.chars().count()
            };
            if needed > max_chars && !current.is_empty() {
                lines.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(&piece);
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            *last = with_ellipsis(last, max_chars);
        }
    }
    lines
}

/// Breaks a word longer than a line into hyphenated pieces that each fit.
fn split_long_word(word: &str, max_chars: usize) -> Vec<String> {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() <= max_chars {
        return vec![word.to_owned()];
    }
    let mut pieces = Vec::new();
    let mut rest = chars.as_slice();
    while rest.len() > max_chars {
        let (head, tail) = rest.split_at(max_chars - 1);
        let mut piece: String = head.iter().collect();
        piece.push('-');
        pieces.push(piece);
        rest = tail;
    }
    pieces.push(rest.iter().collect());
    pieces
}

/// Ends a line with "…", dropping characters so it still fits.
fn with_ellipsis(line: &str, max_chars: usize) -> String {
    let kept: String = line.chars().take(max_chars - 1).collect();
    format!("{}…", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_title_stays_on_one_line() {
        assert_eq!(wrap_words("Data analyst", 21, 3), vec!["Data analyst"]);
    }

    #[test]
    fn words_move_to_the_next_line_when_the_line_is_full() {
        assert_eq!(
            wrap_words("Chief clinical information officer", 21, 3),
            vec!["Chief clinical", "information officer"]
        );
    }

    #[test]
    fn a_word_longer_than_a_line_is_hyphenated() {
        assert_eq!(
            wrap_words("Supercalifragilistic", 8, 4),
            vec!["Superca-", "lifragi-", "listic"]
        );
    }

    #[test]
    fn text_cut_short_ends_with_an_ellipsis() {
        let lines = wrap_words("one two three four five six", 9, 2);
        assert_eq!(lines, vec!["one two", "three…"]);
    }

    #[test]
    fn empty_text_has_no_lines() {
        assert!(wrap_words("   ", 21, 3).is_empty());
    }
}
