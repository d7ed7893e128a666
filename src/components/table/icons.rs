//! Small inline SVG icons (currentColor). Every button that shows one carries its own label.

use leptos::prelude::*;

pub fn eye() -> AnyView {
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.4">
            <path d="M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5z" />
            <circle cx="8" cy="8" r="2.2" />
        </svg>
    }
    .into_any()
}

pub fn eye_off() -> AnyView {
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.4">
            <path d="M1 8s2.5-5 7-5 7 5 7 5-2.5 5-7 5-7-5-7-5z" />
            <path d="M2 2l12 12" />
        </svg>
    }
    .into_any()
}

pub fn copy() -> AnyView {
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.4">
            <rect x="5" y="5" width="9" height="9" rx="1" />
            <path d="M11 5V3a1 1 0 0 0-1-1H3a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h2" />
        </svg>
    }
    .into_any()
}

pub fn check() -> AnyView {
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8">
            <path d="M3 8.5l3 3 7-7" />
        </svg>
    }
    .into_any()
}

pub fn columns() -> AnyView {
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.4">
            <rect x="2" y="2.5" width="12" height="11" rx="1" />
            <path d="M6 2.5v11M10 2.5v11" />
        </svg>
    }
    .into_any()
}

pub fn download() -> AnyView {
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.4">
            <path d="M8 2v8M4.5 6.5L8 10l3.5-3.5M2.5 13.5h11" />
        </svg>
    }
    .into_any()
}

pub fn refresh() -> AnyView {
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.4">
            <path d="M13.5 8A5.5 5.5 0 1 1 12 4.2" />
            <path d="M13 1.8v3h-3" />
        </svg>
    }
    .into_any()
}

pub fn lock() -> AnyView {
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="28" height="28" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.2">
            <rect x="3" y="7" width="10" height="7" rx="1" />
            <path d="M5 7V5a3 3 0 0 1 6 0v2" />
        </svg>
    }
    .into_any()
}

pub fn filter() -> AnyView {
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="28" height="28" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.2">
            <path d="M2 3h12l-4.5 5.5V13l-3 1.5V8.5z" />
        </svg>
    }
    .into_any()
}

pub fn inbox() -> AnyView {
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="28" height="28" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.2">
            <path d="M1.5 9l2-6h9l2 6v4h-13z" />
            <path d="M1.5 9h4l1 2h3l1-2h4" />
        </svg>
    }
    .into_any()
}
