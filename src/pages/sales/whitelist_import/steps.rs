//! The step indicator (1 choose, 2 stage and preview, 3 commit).

use crate::i18n::{use_i18n, Msg};
use leptos::prelude::*;

#[component]
pub fn Steps(step: Signal<u8>) -> impl IntoView {
    let i18n = use_i18n();
    let item = move |n: u8, m: Msg| {
        view! {
            <li class="step" data-testid=format!("wl-step-{n}")
                class:step-active=move || step.get() == n
                class:step-done=move || { step.get() > n }>
                <span class="step-no">{n}</span>
                <span class="step-label">{move || m.text(i18n.get())}</span>
            </li>
        }
    };
    view! {
        <ol class="steps card" data-testid="wl-steps">
            {item(1, Msg::WlStepChoose)}
            {item(2, Msg::WlStepPreview)}
            {item(3, Msg::WlStepCommit)}
        </ol>
    }
}
