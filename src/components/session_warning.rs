//! Warns a few minutes before the token expires, so nobody is surprised mid-task.

use crate::api::use_auth;
use crate::i18n::{tr, Msg};
use leptos::prelude::*;

const WARN_BEFORE_SECS: i64 = 10 * 60;
const CHECK_EVERY_MS: u64 = 15_000;

#[component]
pub fn SessionWarning() -> impl IntoView {
    let auth = use_auth();
    let now = RwSignal::new(crate::format::now());
    let handle = set_interval_with_handle(
        move || now.set(crate::format::now()),
        std::time::Duration::from_millis(CHECK_EVERY_MS),
    );
    on_cleanup(move || {
        if let Ok(h) = handle {
            h.clear();
        }
    });
    let expiring = move || {
        auth.session.with(|s| s.as_ref().is_some_and(|s| (s.expires_at - now.get()).num_seconds() < WARN_BEFORE_SECS))
    };
    view! {
        <Show when=expiring>
            <div class="session-warning" role="alert" data-testid="session-warning">
                <span>{tr(Msg::SessionExpiringSoon)}</span>
                <button class="button" on:click=move |_| auth.reauth_open.set(true)>{tr(Msg::SignInAgain)}</button>
            </div>
        </Show>
    }
}
