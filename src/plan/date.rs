//! A small civil calendar: dates for plan steps and projections, and UTC timestamps for
//! saves and calendar files. Kept in-house because plans only need whole days and a
//! date crate would cost more in the web bundle than this file does.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The earliest year a [`Date`] may have.
pub const MIN_YEAR: i32 = 1;
/// The latest year a [`Date`] may have (dates print as four digits).
pub const MAX_YEAR: i32 = 9999;

/// A day in the proleptic Gregorian calendar, from 0001-01-01 to 9999-12-31.
///
/// Dates order chronologically, read and write as `YYYY-MM-DD`, and do arithmetic in
/// whole days and calendar months.
///
/// ```
/// use foothold::plan::Date;
///
/// let end_of_january: Date = "2024-01-31".parse().unwrap();
/// assert_eq!(end_of_january.add_months(1).to_string(), "2024-02-29");
/// assert_eq!(end_of_january.add_days(30).to_string(), "2024-03-01");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    // Field order matters: the derived ordering compares year, then month, then day.
    year: i32,
    month: u8,
    day: u8,
}

/// Why text or numbers are not a valid date or timestamp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// The text is not in the expected shape.
    Format(String),
    /// The shape is right but there is no such day or time.
    OutOfRange(String),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format(text) => {
                write!(f, "'{text}' is not a date in the form YYYY-MM-DD")
            }
            DateError::OutOfRange(text) => write!(f, "'{text}' is not a real date"),
        }
    }
}

impl std::error::Error for DateError {}

/// Whether a year has 29 February.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// How many days a month has in a given year (month 1 to 12; 0 for anything else).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm, exact for all
// proleptic Gregorian dates).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (i64::from(month) + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // month is 1..=12 and day 1..=31 by construction.
    (year, month as u8, day as u8)
}

impl Date {
    /// The first day a date may be.
    pub const MIN: Date = Date {
        year: MIN_YEAR,
        month: 1,
        day: 1,
    };
    /// The last day a date may be.
    pub const MAX: Date = Date {
        year: MAX_YEAR,
        month: 12,
        day: 31,
    };

    /// Makes a date, refusing days that do not exist (such as 2023-02-29).
    pub fn new(year: i32, month: u8, day: u8) -> Result<Date, DateError> {
        let valid = (MIN_YEAR..=MAX_YEAR).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        if valid {
            Ok(Date { year, month, day })
        } else {
            Err(DateError::OutOfRange(format!(
                "{year:04}-{month:02}-{day:02}"
            )))
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        days_from_civil(self.year, self.month, self.day)
    }

    /// The date a number of days after 1970-01-01, kept within [`Date::MIN`] and
    /// [`Date::MAX`].
    pub fn from_days_since_epoch(days: i64) -> Date {
        let days = days.clamp(Date::MIN.days_since_epoch(), Date::MAX.days_since_epoch());
        let (year, month, day) = civil_from_days(days);
        Date {
            year: year as i32,
            month,
            day,
        }
    }

    /// The date `days` later (earlier when negative), kept within the supported range.
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch().saturating_add(days))
    }

    /// The same day `months` calendar months later (earlier when negative). When that
    /// month is shorter, the result is its last day: 31 January plus one month is the
    /// end of February.
    pub fn add_months(self, months: i64) -> Date {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1;
        let target = index.saturating_add(months);
        let (min_index, max_index) = (i64::from(MIN_YEAR) * 12, i64::from(MAX_YEAR) * 12 + 11);
        if target < min_index {
            return Date::MIN;
        }
        if target > max_index {
            return Date::MAX;
        }
        let year = target.div_euclid(12) as i32;
        let month = (target.rem_euclid(12) + 1) as u8;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// Whole days between two dates, regardless of order.
    pub fn days_between(a: Date, b: Date) -> i64 {
        (a.days_until(b)).abs()
    }

    /// The date as `YYYYMMDD`, as calendar files write it.
    pub fn compact(self) -> String {
        format!("{:04}{:02}{:02}", self.year, self.month, self.day)
    }

    /// The month's name: "November".
    pub fn month_name(self) -> &'static str {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        MONTHS[usize::from(self.month.clamp(1, 12)) - 1]
    }

    /// The date as people in the UK write it: "25 November 2026".
    pub fn long_form(self) -> String {
        let month = self.month_name();
        format!("{} {month} {}", self.day, self.year)
    }
}

fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

impl FromStr for Date {
    type Err = DateError;

    /// Reads `YYYY-MM-DD` (four-digit year, two-digit month and day).
    fn from_str(text: &str) -> Result<Date, DateError> {
        let format_error = || DateError::Format(text.to_owned());
        let parts: Vec<&str> = text.split('-').collect();
        let [year, month, day] = parts.as_slice() else {
            return Err(format_error());
        };
        if year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return Err(format_error());
        }
        let (Some(year), Some(month), Some(day)) = (digits(year), digits(month), digits(day))
        else {
            return Err(format_error());
        };
        Date::new(year as i32, month as u8, day as u8)
            .map_err(|_| DateError::OutOfRange(text.to_owned()))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A moment in UTC to the second: when data was saved, or when a calendar was made.
///
/// Reads and writes ISO 8601 such as `2026-11-25T09:30:00Z`; reading also accepts the
/// milliseconds JavaScript's `toISOString` adds (they are dropped).
///
/// ```
/// use foothold::plan::Timestamp;
///
/// let saved = Timestamp::from_unix_millis(1_764_063_000_000);
/// assert_eq!(saved.to_string(), "2025-11-25T09:30:00Z");
/// assert_eq!("2025-11-25T09:30:00.123Z".parse::<Timestamp>(), Ok(saved));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp {
    date: Date,
    second_of_day: u32,
}

impl Timestamp {
    /// Makes a timestamp from a date and a time of day.
    pub fn new(date: Date, hour: u8, minute: u8, second: u8) -> Result<Timestamp, DateError> {
        if hour > 23 || minute > 59 || second > 59 {
            return Err(DateError::OutOfRange(format!(
                "{date}T{hour:02}:{minute:02}:{second:02}Z"
            )));
        }
        Ok(Timestamp {
            date,
            second_of_day: u32::from(hour) * 3600 + u32::from(minute) * 60 + u32::from(second),
        })
    }

    /// The moment a number of milliseconds after 1970-01-01T00:00:00Z, as JavaScript's
    /// `Date.now()` gives it.
    pub fn from_unix_millis(millis: i64) -> Timestamp {
        let seconds = millis.div_euclid(1000);
        let date = Date::from_days_since_epoch(seconds.div_euclid(86_400));
        Timestamp {
            date,
            second_of_day: seconds.rem_euclid(86_400) as u32,
        }
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn unix_seconds(self) -> i64 {
        self.date.days_since_epoch() * 86_400 + i64::from(self.second_of_day)
    }

    /// The UTC date of the moment.
    pub fn date(self) -> Date {
        self.date
    }

    fn clock(self) -> (u32, u32, u32) {
        (
            self.second_of_day / 3600,
            self.second_of_day / 60 % 60,
            self.second_of_day % 60,
        )
    }

    /// The moment in words: "25 November 2026 at 09:30 UTC".
    pub fn describe(self) -> String {
        let (hour, minute, _) = self.clock();
        format!("{} at {hour:02}:{minute:02} UTC", self.date.long_form())
    }

    /// The moment as `YYYYMMDDTHHMMSSZ`, as calendar files write it.
    pub fn compact(self) -> String {
        let (hour, minute, second) = self.clock();
        format!("{}T{hour:02}{minute:02}{second:02}Z", self.date.compact())
    }
}

impl FromStr for Timestamp {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Timestamp, DateError> {
        let format_error = || DateError::Format(text.to_owned());
        let (date, rest) = text.split_once('T').ok_or_else(format_error)?;
        let date: Date = date.parse().map_err(|_| format_error())?;
        let clock = rest.strip_suffix('Z').ok_or_else(format_error)?;
        let clock = match clock.split_once('.') {
            Some((whole, fraction)) if digits(fraction).is_some() => whole,
            Some(_) => return Err(format_error()),
            None => clock,
        };
        let parts: Vec<&str> = clock.split(':').collect();
        let [hour, minute, second] = parts.as_slice() else {
            return Err(format_error());
        };
        if hour.len() != 2 || minute.len() != 2 || second.len() != 2 {
            return Err(format_error());
        }
        let (Some(hour), Some(minute), Some(second)) =
            (digits(hour), digits(minute), digits(second))
        else {
            return Err(format_error());
        };
        Timestamp::new(date, hour as u8, minute as u8, second as u8)
            .map_err(|_| DateError::OutOfRange(text.to_owned()))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (hour, minute, second) = self.clock();
        write!(f, "{}T{hour:02}:{minute:02}:{second:02}Z", self.date)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn leap_years_follow_the_gregorian_rules() {
        assert!(is_leap_year(2024));
        assert!(is_leap_year(2000));
        assert!(!is_leap_year(1900));
        assert!(!is_leap_year(2023));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2100, 2), 28);
    }

    #[test]
    fn only_real_days_parse() {
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!(matches!(
            "2023-02-29".parse::<Date>(),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(
            "2023-04-31".parse::<Date>(),
            Err(DateError::OutOfRange(_))
        ));
        for bad in [
            "2023-4-01",
            "23-04-01",
            "2023/04/01",
            "",
            "2023-04-01x",
            "+023-04-01",
        ] {
            assert!(
                matches!(bad.parse::<Date>(), Err(DateError::Format(_))),
                "{bad}"
            );
        }
    }

    #[test]
    fn adding_months_lands_on_the_month_end_when_the_day_is_missing() {
        assert_eq!(date("2024-01-31").add_months(1), date("2024-02-29"));
        assert_eq!(date("2023-01-31").add_months(1), date("2023-02-28"));
        assert_eq!(date("2024-03-31").add_months(-1), date("2024-02-29"));
        assert_eq!(date("2024-08-31").add_months(1), date("2024-09-30"));
        assert_eq!(date("2024-02-29").add_months(12), date("2025-02-28"));
        assert_eq!(date("2024-11-15").add_months(3), date("2025-02-15"));
        assert_eq!(date("2024-01-15").add_months(-13), date("2022-12-15"));
    }

    #[test]
    fn adding_days_crosses_month_and_year_ends() {
        assert_eq!(date("2024-02-28").add_days(1), date("2024-02-29"));
        assert_eq!(date("2023-02-28").add_days(1), date("2023-03-01"));
        assert_eq!(date("2024-12-31").add_days(1), date("2025-01-01"));
        assert_eq!(date("2025-01-01").add_days(-1), date("2024-12-31"));
        assert_eq!(date("2024-01-01").add_days(366), date("2025-01-01"));
    }

    #[test]
    fn arithmetic_stays_inside_the_supported_range() {
        assert_eq!(Date::MAX.add_days(10), Date::MAX);
        assert_eq!(Date::MIN.add_days(-10), Date::MIN);
        assert_eq!(Date::MAX.add_months(1), Date::MAX);
        assert_eq!(Date::MIN.add_months(-1), Date::MIN);
        assert_eq!(Date::MAX.add_days(i64::MAX), Date::MAX);
    }

    #[test]
    fn days_between_counts_leap_days() {
        assert_eq!(
            Date::days_between(date("2024-01-01"), date("2025-01-01")),
            366
        );
        assert_eq!(
            Date::days_between(date("2025-01-01"), date("2023-01-01")),
            731
        );
        assert_eq!(date("2024-03-01").days_until(date("2024-02-28")), -2);
    }

    #[test]
    fn the_epoch_is_day_zero() {
        assert_eq!(date("1970-01-01").days_since_epoch(), 0);
        assert_eq!(Date::from_days_since_epoch(0), date("1970-01-01"));
        assert_eq!(Date::from_days_since_epoch(-1), date("1969-12-31"));
    }

    #[test]
    fn dates_order_chronologically() {
        assert!(date("2024-12-31") < date("2025-01-01"));
        assert!(date("2025-01-09") < date("2025-01-10"));
        assert!(date("2025-02-01") > date("2025-01-31"));
    }

    #[test]
    fn timestamps_read_and_write_iso_8601_utc() {
        let stamp: Timestamp = "2026-03-01T23:59:59Z".parse().unwrap();
        assert_eq!(stamp.to_string(), "2026-03-01T23:59:59Z");
        assert_eq!(stamp.compact(), "20260301T235959Z");
        assert_eq!(
            Timestamp::from_unix_millis(stamp.unix_seconds() * 1000),
            stamp
        );
        assert!("2026-03-01T24:00:00Z".parse::<Timestamp>().is_err());
        assert!("2026-03-01T10:00:00".parse::<Timestamp>().is_err());
        assert!("2026-03-01 10:00:00Z".parse::<Timestamp>().is_err());
    }

    #[test]
    fn dates_and_times_read_as_words() {
        assert_eq!(date("2026-11-05").long_form(), "5 November 2026");
        let stamp: Timestamp = "2026-01-31T07:05:09Z".parse().unwrap();
        assert_eq!(stamp.describe(), "31 January 2026 at 07:05 UTC");
    }

    #[test]
    fn timestamps_before_the_epoch_round_down_to_the_right_day() {
        let stamp = Timestamp::from_unix_millis(-1);
        assert_eq!(stamp.to_string(), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn dates_serialize_as_text() {
        let json = serde_json::to_string(&date("2024-02-29")).unwrap();
        assert_eq!(json, "\"2024-02-29\"");
        assert!(serde_json::from_str::<Date>("\"2024-02-30\"").is_err());
    }
}
