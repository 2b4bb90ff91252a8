//! The role index as the app embeds it: plain lines of tab-separated fields, written by
//! the build script and read at start.
//!
//! ```text
//! 2026.12.1
//! administrator→Administrator→2-4→entry→Medical secretary→Ward clerk
//! health-records-officer→Health records officer→3-4→
//! ```
//!
//! (→ is a tab.) The first line is the data version; each other line is one role: id,
//! title, bands as data files write them, `entry` or nothing, then its other titles.
//! It replaced JSON read through serde: the start screen's first download lost the
//! index's repeated field names and the serde code that read them, about 1 kB brotli.

use super::model::{IndexedRole, RoleId, RoleIndex};

/// Separates the fields of a line. Titles and ids never hold one ([`to_lines`] checks).
const FIELD: char = '\t';

/// Writes `index` in the embedded format, or says which text would break it.
pub fn to_lines(index: &RoleIndex) -> Result<String, String> {
    let checked = |text: &str| {
        if text.contains([FIELD, '\n', '\r']) {
            Err(format!("{text:?} holds a tab or a line break"))
        } else {
            Ok(())
        }
    };
    checked(&index.data_version)?;
    let mut lines = vec![index.data_version.clone()];
    for role in &index.roles {
        let bands = role.bands;
        let bands = if bands.min == bands.max {
            bands.min.code().to_owned()
        } else {
            format!("{}-{}", bands.min.code(), bands.max.code())
        };
        let entry = if role.entry { "entry" } else { "" };
        let mut fields = vec![role.id.as_str(), &role.title, &bands, entry];
        fields.extend(role.also_known_as.iter().map(String::as_str));
        for field in &fields {
            checked(field)?;
        }
        lines.push(fields.join("\t"));
    }
    Ok(lines.join("\n"))
}

/// Reads an index written by [`to_lines`].
pub fn from_lines(text: &str) -> Result<RoleIndex, String> {
    let mut lines = text.lines();
    let data_version = lines.next().unwrap_or_default().to_owned();
    let roles = lines
        .enumerate()
        .map(|(at, line)| {
            let mut fields = line.split(FIELD);
            let mut next = || fields.next().filter(|field| !field.is_empty());
            let problem = || format!("role {} of the index is incomplete", at + 1);
            let id = RoleId::new(next().ok_or_else(problem)?);
            let title = next().ok_or_else(problem)?.to_owned();
            let bands = next().ok_or_else(problem)?.parse()?;
            let entry = match fields.next() {
                Some("entry") => true,
                Some("") => false,
                _ => return Err(problem()),
            };
            Ok(IndexedRole {
                id,
                title,
                also_known_as: fields.map(str::to_owned).collect(),
                bands,
                entry,
            })
        })
        .collect::<Result<_, String>>()?;
    Ok(RoleIndex {
        data_version,
        roles,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_index_reads_back_as_the_pack_wrote_it() {
        let pack: super::super::Pack =
            serde_json::from_str(crate::graph::BUNDLED_PACK_JSON).expect("the bundled pack parses");
        let index = RoleIndex::of_pack(&pack);
        let text = to_lines(&index).expect("the bundled index has no tabs or line breaks");
        assert_eq!(from_lines(&text), Ok(index));
    }

    #[test]
    fn a_title_with_a_tab_is_refused_and_a_short_line_is_reported() {
        let mut index = from_lines("v1\nrn\tNurse\t5\t").expect("a plain index reads");
        index.roles[0].title = "Nurse\tlead".to_owned();
        assert!(to_lines(&index).is_err());
        assert_eq!(
            from_lines("v1\nrn\tNurse"),
            Err("role 1 of the index is incomplete".to_owned())
        );
    }
}
