//! X2: while the app acts for a customer, a bar across the frame says for whom, until when,
//! and offers to stop (which drops the customer token). When acting ended by itself (expired,
//! or the customer withdrew the authorisation), it says so until dismissed.

use crate::api::acting::{use_acting, Ended};
use crate::format;
use crate::i18n::{tr, use_i18n, ActingForCustomer, ActingUntil, Msg};
use leptos::prelude::*;

const CHECK_EVERY_MS: u64 = 5_000;

#[component]
pub fn ActingBar() -> impl IntoView {
    let acting = use_acting();
    let i18n = use_i18n();
    let handle = set_interval_with_handle(
        move || {
            let now = format::now();
            let over = acting.current_untracked().is_some_and(|a| a.expires_at <= now);
            if over {
                acting.expire();
            }
        },
        std::time::Duration::from_millis(CHECK_EVERY_MS),
    );
    on_cleanup(move || {
        if let Ok(h) = handle {
            h.clear();
        }
    });
    let bar = move || {
        acting.current().map(|a| {
            let l = i18n.get();
            let who = ActingForCustomer { name: &a.customer_name, account: &a.account_name }.text(l);
            let until = ActingUntil { time: &format::date_time(&a.expires_at) }.text(l);
            view! {
                <div class="acting-bar" role="status" data-testid="acting-bar" data-customer=a.customer_id.clone()>
                    <span class="acting-who" data-testid="acting-who">{who}</span>
                    <span class="acting-until muted" data-testid="acting-until">{until}</span>
                    <button type="button" class="button" data-testid="acting-stop" on:click=move |_| acting.stop()>
                        {tr(Msg::ActingStop)}
                    </button>
                </div>
            }
        })
    };
    let ended = move || {
        acting.ended.get().map(|why| {
            let text = match why {
                Ended::Expired => Msg::ActingEndedExpired,
                Ended::Revoked => Msg::ActingEndedRevoked,
            };
            view! {
                <div class="acting-bar acting-ended" role="alert" data-testid="acting-ended" data-why=format!("{why:?}")>
                    <span>{tr(text)}</span>
                    <button type="button" class="link-button" data-testid="acting-ended-dismiss" on:click=move |_| acting.ended.set(None)>
                        {tr(Msg::Close)}
                    </button>
                </div>
            }
        })
    };
    view! { {bar} {ended} }
}
