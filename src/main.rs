//! Partner Center: the partner console as a client-side Leptos app.

// `Api` became `Copy` (#11); call sites still written `api.clone()` keep compiling until each
// page drops them. Remove this once no `.clone()` of an `Api` is left.

mod api;
mod app;
mod components;
mod config;
mod embed;
mod format;
mod i18n;
mod pages;
mod routes;
mod storage;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
