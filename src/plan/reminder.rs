//! Export reminders: browser storage can be cleared by the browser or the user, so the
//! app nudges people to keep a copy of their plans in a file now and then.

use crate::plan::date::Timestamp;
use crate::plan::model::AppData;

/// Days after an export before the app suggests exporting again.
pub const EXPORT_REMINDER_DAYS: i64 = 30;

impl AppData {
    /// Records that the user has just exported everything (call it once the download
    /// has started, then save).
    pub fn mark_exported(&mut self, now: Timestamp) {
        self.last_export = Some(now);
    }

    /// A gentle reminder to export, when one is due: there are plans and they have
    /// never been exported, or not for [`EXPORT_REMINDER_DAYS`] days.
    ///
    /// ```
    /// use foothold::plan::{AppData, Timestamp};
    ///
    /// let now: Timestamp = "2026-11-25T09:30:00Z".parse().unwrap();
    /// let mut data = AppData::default();
    /// assert_eq!(data.export_reminder(now), None, "nothing to lose yet");
    /// # data.plans.push(serde_json::from_str(r#"{"id":"p-1","name":"P","created":"2026-01-01",
    /// #   "start":"a","target":"b","steps":[{"from":"a","to":"b"}],"data_version":"1"}"#).unwrap());
    /// assert!(data.export_reminder(now).is_some());
    /// data.mark_exported(now);
    /// assert_eq!(data.export_reminder(now), None);
    /// ```
    pub fn export_reminder(&self, now: Timestamp) -> Option<String> {
        if self.plans.is_empty() {
            return None;
        }
        match self.last_export {
            None => Some(
                "Your plans are only kept in this browser. Export them to keep a copy in a file."
                    .to_owned(),
            ),
            Some(last) if now.unix_seconds() - last.unix_seconds() >= EXPORT_REMINDER_DAYS * 86_400 => {
                Some(format!(
                    "You last exported your plans on {}. Export them again to keep your copy up to date.",
                    last.date().long_form()
                ))
            }
            Some(_) => None,
        }
    }
}
