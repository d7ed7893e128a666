//! In-app paths and the browser's full paths under a deployment base. Pure (no browser, no
//! Leptos): xtask's tests compile this file natively (`#[path]`).

/// A full link for an in-app path under `router_base` ("" at the site root, else e.g.
/// "/partner-center"): `/sales/customers` → `/partner-center/sales/customers`.
pub fn href_at(router_base: &str, app_path: &str) -> String {
    format!("{router_base}{app_path}")
}

/// The in-app path of a full browser path (the inverse of [`href_at`]).
pub fn app_path_at(router_base: &str, full: &str) -> String {
    match full.strip_prefix(router_base) {
        Some(rest) if rest.starts_with('/') => rest.to_string(),
        Some("") => "/".to_string(),
        _ => full.to_string(),
    }
}

/// Only same-origin paths are followed after sign-in (no open redirect).
pub fn safe_next(next: Option<String>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/\\") && !n.starts_with("/signin") => {
            n
        }
        _ => "/".to_string(),
    }
}
