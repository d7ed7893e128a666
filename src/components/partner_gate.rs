//! What someone sees instead of a page their partner type or role may not open (the registry's
//! rule, applied at the route by routes/view.rs): a clear notice in both languages, never a
//! broken page or a wall of 403 errors. `PartnerGate` is the same state inside a page.

use crate::api::profile::use_profile;
use crate::i18n::{tr, Msg};
use crate::routes::access::Denied;
use leptos::prelude::*;

#[component]
pub fn NotAvailable(denied: Denied) -> impl IntoView {
    view! {
        <section class="page" data-testid="page-not-available">
            <div class="notice notice-info" role="status" data-testid="not-available">
                <span data-testid=denied.test_id>{tr(denied.reason)}</span>
            </div>
        </section>
    }
}

/// The signed-in partner's type (`partner_api::profile::partner_type`), once known.
/// Kept for pages that still gate themselves; the registry's access rule replaces it.
pub fn use_partner_type() -> Memo<Option<String>> {
    let profile = use_profile();
    Memo::new(move |_| profile.partner_type())
}

/// A page's content once the partner's type is known and allowed, the not-available state
/// otherwise. Kept for pages that still gate themselves; the registry's rule does this at the route.
#[component]
pub fn PartnerGate(
    /// Partner types that may use the page.
    allow: &'static [&'static str],
    /// Why the page is not available to the others.
    not_available: Msg,
    children: ChildrenFn,
) -> impl IntoView {
    let ptype = use_partner_type();
    move || match ptype.get() {
        None => view! { <div class="boot" aria-busy="true" data-testid="partner-gate-loading"></div> }.into_any(),
        Some(t) if allow.contains(&t.as_str()) => children().into_any(),
        Some(_) => view! {
            <div class="notice notice-info" role="status" data-testid="not-available">{tr(not_available)}</div>
        }
        .into_any(),
    }
}
