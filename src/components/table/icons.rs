//! Small icons as CSS masks (`style/main.css`, `.icon-*`), drawn in the text colour. Every
//! button that shows one carries its own label; the icons are hidden from assistive tech.

use leptos::prelude::*;

fn icon(class: &'static str) -> AnyView {
    view! { <span class=class aria-hidden="true"></span> }.into_any()
}

pub fn eye() -> AnyView {
    icon("icon icon-eye")
}

pub fn eye_off() -> AnyView {
    icon("icon icon-eye-off")
}

pub fn copy() -> AnyView {
    icon("icon icon-copy")
}

pub fn check() -> AnyView {
    icon("icon icon-check")
}

pub fn columns() -> AnyView {
    icon("icon icon-columns")
}

pub fn download() -> AnyView {
    icon("icon icon-download")
}

pub fn refresh() -> AnyView {
    icon("icon icon-refresh")
}

pub fn lock() -> AnyView {
    icon("icon icon-lg icon-lock")
}

pub fn filter() -> AnyView {
    icon("icon icon-lg icon-filter")
}

pub fn inbox() -> AnyView {
    icon("icon icon-lg icon-inbox")
}
