//! The browser edge of storage: local storage access that never throws into the app.
//! What is stored and how it is read lives in `model::storage`.

use crate::model::storage::{self, Loaded};
use crate::model::Assessment;
use wasm_bindgen::JsCast;

/// Why saving is not possible, in words for the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unsaved {
    /// Local storage is missing or refused (disabled, private mode, sandboxed page).
    Unavailable,
    /// A write failed, most likely because storage is full.
    WriteFailed(String),
    /// The stored copy of the open assessment turned unreadable: it is left untouched.
    StoredCopyUnreadable,
}

impl Unsaved {
    pub fn message(&self) -> String {
        match self {
            Unsaved::Unavailable => "This browser does not let bita save anything (local storage is disabled or blocked). \
                Your answers live only in this page and will be lost when you reload or close it: export them to keep a copy."
                .into(),
            Unsaved::WriteFailed(e) => format!(
                "Your last change could not be saved ({e}). Storage may be full. It is kept in this page only: \
                 export the assessment to keep a copy, or delete assessments you no longer need."
            ),
            Unsaved::StoredCopyUnreadable => "The saved copy of this assessment has become unreadable, so bita left it untouched \
                and keeps your changes in this page only. Export the assessment to keep a copy."
                .into(),
        }
    }
}

/// Local storage, if this page may use it. A storage that refuses writes (full, or a private mode
/// that throws on every write) is still returned: reads work, and each failed write says so.
pub fn local() -> Option<web_sys::Storage> {
    let storage = web_sys::window()?.local_storage().ok()??;
    storage.length().ok()?;
    Some(storage)
}

/// Every bita entry in storage, sorted into readable and unreadable.
pub fn load_all(s: &web_sys::Storage) -> Loaded {
    let len = s.length().unwrap_or(0);
    let entries = (0..len)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(storage::PREFIX))
        .filter_map(|k| s.get_item(&k).ok().flatten().map(|v| (k, v)))
        .collect::<Vec<_>>();
    storage::read_all(entries)
}

/// The stored copy of one assessment: `Ok(None)` when there is none.
pub fn read(s: &web_sys::Storage, id: &str) -> Result<Option<Assessment>, storage::LoadError> {
    match s.get_item(&storage::key(id)).ok().flatten() {
        None => Ok(None),
        Some(raw) => storage::decode(&raw).map(Some),
    }
}

pub fn write(s: &web_sys::Storage, a: &Assessment) -> Result<(), Unsaved> {
    s.set_item(&storage::key(&a.id), &storage::encode(a))
        .map_err(|e| Unsaved::WriteFailed(js_error_name(&e)))
}

pub fn remove(s: &web_sys::Storage, key: &str) {
    let _ = s.remove_item(key);
}

pub fn last(s: &web_sys::Storage) -> Option<String> {
    s.get_item(storage::LAST_KEY).ok().flatten()
}

pub fn set_last(s: &web_sys::Storage, id: &str) {
    let _ = s.set_item(storage::LAST_KEY, id);
}

fn js_error_name(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.name()))
        .unwrap_or_else(|| "the browser refused the write".into())
}

/// Offers text as a file download, without any server.
pub fn download(filename: &str, mime: &str, text: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = doc.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(filename);
        if let Some(body) = doc.body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// A fresh random id for a new assessment (base 36, 12 characters).
pub fn new_id() -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    (0..12)
        .map(|_| DIGITS[(js_sys::Math::random() * 36.0) as usize % 36] as char)
        .collect()
}

pub fn now() -> f64 {
    js_sys::Date::now()
}
