//! Unfinished plans saved by an earlier visit: resumed by reconciling, never by resending.

use super::controller::Issuance;
use crate::i18n::{tr, use_i18n, Msg, VoResumeFound};
use leptos::prelude::*;

#[component]
pub fn ResumeNotices(issuance: Issuance) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        issuance
            .found
            .get()
            .into_iter()
            .map(|p| {
                let t = p.tally();
                let text = VoResumeFound { quota: &p.template.quota_id, n: &(t.pending + t.sending + t.unknown) }
                    .text(i18n.get());
                let id = p.plan_id.clone();
                view! {
                    <div class="notice notice-info" data-testid="resume-notice">
                        <div class="notice-title">{tr(Msg::VoResumeTitle)}</div>
                        <p>{text}</p>
                        <div class="form-actions">
                            <button class="button primary" type="button" data-testid="resume-plan" disabled=move || issuance.running() on:click=move |_| issuance.resume(p.clone())>{tr(Msg::VoResume)}</button>
                            <button class="button" type="button" data-testid="discard-plan" on:click=move |_| issuance.discard(&id)>{tr(Msg::VoDiscard)}</button>
                        </div>
                    </div>
                }
            })
            .collect_view()
    }
}
