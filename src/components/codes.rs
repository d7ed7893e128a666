//! Codes of the contract shown as translated text and tags (orders, resources).

use crate::i18n::{code_label, CodeKind, Locale};
use leptos::prelude::*;

/// A code as a translated tag (`data-code` keeps the raw code for tests and styling).
pub fn code_tag(kind: CodeKind, code: Option<i32>, l: Locale) -> AnyView {
    match code {
        None => view! { <span class="muted">"—"</span> }.into_any(),
        Some(c) => {
            let code = c.to_string();
            let class = format!("tag tag-{}-{code}", format!("{kind:?}").to_ascii_lowercase());
            view! { <span class=class data-code=code.clone()>{code_label(kind, &code, l)}</span> }.into_any()
        }
    }
}

/// A service's name in the current language (O1 names are always Chinese).
pub fn service_name(code: Option<&str>, fallback: Option<&str>, l: Locale) -> String {
    match code {
        Some(c) => {
            let label = code_label(CodeKind::ServiceType, c, l);
            if label == c {
                fallback.unwrap_or(c).to_string()
            } else {
                label
            }
        }
        None => fallback.unwrap_or_default().to_string(),
    }
}

pub fn code_text(kind: CodeKind, code: Option<i32>, l: Locale) -> String {
    code.map(|c| code_label(kind, &c.to_string(), l)).unwrap_or_default()
}
