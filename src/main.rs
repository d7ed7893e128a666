//! Partner Center: the partner console as a client-side Leptos app.

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
