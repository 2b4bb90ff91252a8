//! Wording helpers shared by screens: dates and counts as people write them.

use crate::plan::Date;

/// "1 March 2028".
pub fn long_date(date: Date) -> String {
    date.long_form()
}

/// "March 2028".
pub fn month_year(date: Date) -> String {
    format!("{} {}", date.month_name(), date.year())
}

/// "1 plan", "3 plans".
pub fn count(number: usize, singular: &str, plural: &str) -> String {
    if number == 1 {
        format!("1 {singular}")
    } else {
        format!("{number} {plural}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates_read_day_month_year() {
        let date = Date::new(2028, 3, 1).expect("a real date");
        assert_eq!(long_date(date), "1 March 2028");
        assert_eq!(month_year(date), "March 2028");
    }

    #[test]
    fn counts_use_the_singular_only_for_one() {
        assert_eq!(count(1, "plan", "plans"), "1 plan");
        assert_eq!(count(0, "plan", "plans"), "0 plans");
    }
}
