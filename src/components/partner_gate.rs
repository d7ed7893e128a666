//! What someone sees instead of a page their partner type or role may not open (the registry's
//! rule, applied at the route by routes/view.rs): a clear notice in both languages, never a
//! broken page or a wall of 403 errors.

use crate::i18n::tr;
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
