//! Lowercasing for role search, without the standard library's Unicode case table.
//!
//! `str::to_lowercase` brings a table of every Unicode capital letter (about 11.7 kB of
//! data, plus 3.8 kB of code) into the module that calls it, and the role picker on the
//! start screen lowercases what people type, so the table would be in the first download.
//! [`lowercase`] lowercases ASCII text, as every role title is today, itself, and hands
//! other text to the browser's `String.prototype.toLowerCase`, which applies the same
//! Unicode default case mapping; native builds use the standard library.

/// `text` in lower case, as [`str::to_lowercase`] gives it.
///
/// ```
/// assert_eq!(foothold::lowercase::lowercase("Band 8A Nurse"), "band 8a nurse");
/// assert_eq!(foothold::lowercase::lowercase("ÉCOLE"), "école");
/// ```
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(text).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.to_lowercase()
    }
}
