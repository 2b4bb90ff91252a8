//! Small wrappers over browser services the pages need: today's date, random seeds for
//! new ids, downloading a file the app made, the clipboard and printing. Each fails
//! quietly or with a message, never with a panic.

use crate::plan::Date;
use wasm_bindgen::JsCast;

/// Today's date on the user's device.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let year = now.get_full_year() as i32;
    let month = (now.get_month() + 1) as u8;
    let day = now.get_date() as u8;
    Date::new(year, month, day).unwrap_or_else(|_| Date::from_days_since_epoch(0))
}

/// A random number for new ids, so ids made on two devices rarely clash.
pub fn random_seed() -> u64 {
    let high = (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
    let low = js_sys::Date::now() as u64;
    (high << 32) ^ low
}

/// Offers text to the user as a file download. Returns a plain-English reason when the
/// browser refuses.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let refused = || "Your browser did not allow the download.".to_owned();
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(refused)?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| refused())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| refused())?;
    let link = document
        .create_element("a")
        .ok()
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .ok_or_else(refused)?;
    link.set_href(&url);
    link.set_download(file_name);
    if let Some(body) = document.body() {
        let _ = body.append_child(&link);
        link.click();
        let _ = body.remove_child(&link);
    } else {
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Copies text to the clipboard. Resolves to false when the browser refuses (the page
/// then shows the text for the user to copy).
pub async fn copy_to_clipboard(text: String) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
        .await
        .is_ok()
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// The address of the app without its hash, for share links.
pub fn app_address() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .map(|href| match href.split_once('#') {
            Some((base, _)) => base.to_owned(),
            None => href,
        })
        .unwrap_or_default()
}

/// The current URL hash without the leading `#` (empty when there is none).
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .map(|hash| hash.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

/// The time now, for save stamps and export file names.
pub fn now() -> crate::plan::Timestamp {
    crate::plan::Timestamp::from_unix_millis(js_sys::Date::now() as i64)
}

/// Offers an export file (all data or one plan) as a download.
pub fn download_export(file: &crate::share::ExportFile) -> Result<(), String> {
    download(&file.file_name, "application/json", &file.contents)
}

/// Reads a file the user chose or dropped. Files larger than `limit` bytes are not read
/// at all; their size is returned as the error so the caller can say so.
pub async fn read_file(file: web_sys::File, limit: usize) -> Result<Vec<u8>, FileReadError> {
    let size = file.size() as usize;
    if size > limit {
        return Err(FileReadError::TooBig(size));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| FileReadError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Why a chosen file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileReadError {
    /// It is larger than the limit, by this many bytes in all.
    TooBig(usize),
    /// The browser could not read it (moved, deleted or not allowed).
    Unreadable,
}

/// Resolves in a later task of the browser's event loop, after it has had the chance to
/// paint and handle input. Long start-up work split at such points keeps every task
/// short, so taps are never kept waiting.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window().map(|window| {
            window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
        });
        // Without a window there is nothing to wait for: go on at once.
        if !matches!(scheduled, Some(Ok(_))) {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Removes a listener and clears a timer when dropped.
pub struct Listening {
    target: web_sys::EventTarget,
    event: &'static str,
    callback: wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>,
    interval: Option<(i32, wasm_bindgen::closure::Closure<dyn Fn()>)>,
}

impl Drop for Listening {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback(
            self.event,
            self.callback.as_ref().unchecked_ref(),
        );
        if let (Some((handle, _)), Some(window)) = (&self.interval, web_sys::window()) {
            window.clear_interval_with_handle(*handle);
        }
    }
}

fn listen(
    target: web_sys::EventTarget,
    event: &'static str,
    callback: impl FnMut(web_sys::Event) + 'static,
) -> Option<Listening> {
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(callback);
    target
        .add_event_listener_with_callback(event, callback.as_ref().unchecked_ref())
        .ok()?;
    Some(Listening {
        target,
        event,
        callback,
        interval: None,
    })
}

/// Calls `attempt` every `period_millis` and whenever the page comes back into view,
/// until the returned guard is dropped. `None` when the browser offers neither.
pub fn keep_trying(period_millis: i32, attempt: impl Fn() + 'static) -> Option<Listening> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let attempt = std::rc::Rc::new(attempt);
    let on_visible = {
        let attempt = attempt.clone();
        let document = document.clone();
        move |_: web_sys::Event| {
            if !document.hidden() {
                attempt();
            }
        }
    };
    let mut guard = listen(document.into(), "visibilitychange", on_visible)?;
    let tick = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || attempt());
    // The guard keeps the timer's callback alive until it clears the timer.
    guard.interval = window
        .set_interval_with_callback_and_timeout_and_arguments_0(
            tick.as_ref().unchecked_ref(),
            period_millis,
        )
        .ok()
        .map(|handle| (handle, tick));
    Some(guard)
}

/// Makes the browser ask before the page is closed or left while `unsaved()` is true
/// (the `beforeunload` prompt, whose wording the browser chooses), until the returned
/// guard is dropped.
pub fn confirm_before_closing(unsaved: impl Fn() -> bool + 'static) -> Option<Listening> {
    let window = web_sys::window()?;
    listen(
        window.into(),
        "beforeunload",
        move |event: web_sys::Event| {
            if unsaved() {
                event.prevent_default();
                // Older browsers look for a return value instead.
                let _ = js_sys::Reflect::set(
                    &event,
                    &wasm_bindgen::JsValue::from_str("returnValue"),
                    &wasm_bindgen::JsValue::from_str("Your latest changes are not saved."),
                );
            }
        },
    )
}

/// A short text kept in this browser's local storage under `key`, such as the name to
/// print on plans; `None` when there is none or storage is blocked.
pub fn stored_text(key: &str) -> Option<String> {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .and_then(|storage| storage.get_item(key).ok().flatten())
}

/// Keeps a short text in local storage under `key` (removed when blank). Returns false
/// when the browser would not keep it.
pub fn store_text(key: &str, text: &str) -> bool {
    let Some(storage) = web_sys::window().and_then(|window| window.local_storage().ok().flatten())
    else {
        return false;
    };
    if text.trim().is_empty() {
        storage.remove_item(key).is_ok()
    } else {
        storage.set_item(key, text.trim()).is_ok()
    }
}

/// Asks a yes-or-no question in the browser's own dialog (which works with a keyboard,
/// touch and screen readers); false when the person cancels or no dialog can show.
pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.confirm_with_message(question).ok())
        .unwrap_or(false)
}
