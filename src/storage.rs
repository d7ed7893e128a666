//! Browser storage. localStorage holds preferences only (language, dismissed notices);
//! a token may only ever go to sessionStorage, and only when the user asks to stay signed in.

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

pub fn local_get(key: &str) -> Option<String> {
    local()?.get_item(key).ok()?
}

pub fn local_set(key: &str, value: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(key, value);
    }
}

pub fn session_get(key: &str) -> Option<String> {
    session()?.get_item(key).ok()?
}

pub fn session_set(key: &str, value: &str) {
    if let Some(s) = session() {
        let _ = s.set_item(key, value);
    }
}

pub fn session_remove(key: &str) {
    if let Some(s) = session() {
        let _ = s.remove_item(key);
    }
}

/// Drafts of forms kept for the tab (`pc.draft.<form>`): a reload or a visit elsewhere in the
/// app loses nothing; signing out forgets them.
pub const DRAFT_PREFIX: &str = "pc.draft.";

/// Forgets every draft of this tab.
pub fn forget_drafts() {
    let Some(s) = session() else { return };
    let n = s.length().unwrap_or(0);
    let keys: Vec<String> =
        (0..n).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with(DRAFT_PREFIX)).collect();
    for k in keys {
        let _ = s.remove_item(&k);
    }
}

/// Customers another page hands to the issue-vouchers form (the customers list's selection, a
/// customer's page), by ID: the form takes them once and checks them against the whitelist
/// like pasted lines, each with its outcome. A draft key, so signing out forgets it.
const HANDED_CUSTOMERS: &str = "pc.draft.issue-vouchers.handed";

pub fn hand_customers_to_issue(ids: &[String]) {
    session_set(HANDED_CUSTOMERS, &ids.join("\n"));
}

/// The handed customers' IDs, once (the key is removed).
pub fn take_handed_customers() -> Vec<String> {
    let ids = session_get(HANDED_CUSTOMERS).unwrap_or_default();
    session_remove(HANDED_CUSTOMERS);
    ids.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect()
}
