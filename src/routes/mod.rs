//! Routing: the console's URLs (`paths`), who may open a page (`access`), what the page
//! registry (src/pages/registry.rs) says about a page (`page`), how a registry page becomes a
//! route (`route_path`, `view`), the browser's title (`title`), and links under the deployment
//! base (`links`).

pub mod access;
mod links;
pub mod page;
pub mod paths;
pub mod route_path;
pub mod title;
pub mod view;

pub use links::safe_next;
pub use paths::*;

/// The deployment base path with its trailing slash ("/" or e.g. "/partner-center/"), as the
/// loader found it from its own URL (xtask/post-build.mjs).
pub fn base_path() -> String {
    js_sys::Reflect::get(&js_sys::global(), &wasm_bindgen::JsValue::from_str("pcBase"))
        .ok()
        .and_then(|v| v.as_string())
        .filter(|b| b.starts_with('/') && b.ends_with('/'))
        .unwrap_or_else(|| "/".to_string())
}

/// The router's base: the base path without its trailing slash ("" at the site root).
pub fn router_base() -> String {
    base_path().trim_end_matches('/').to_string()
}

/// A full link for an in-app path (`/sales/customers` → `/partner-center/sales/customers`), for
/// plain `<a>` elements and anything outside the router.
pub fn href(app_path: &str) -> String {
    links::href_at(&router_base(), app_path)
}

/// The in-app path of a full browser path (the inverse of [`href`]).
pub fn app_path(full: &str) -> String {
    links::app_path_at(&router_base(), full)
}
