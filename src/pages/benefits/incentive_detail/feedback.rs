//! 问题反馈: the feedback form (length checked as typed, kept on any error and through a
//! re-sign-in: the client resends after a 401 and the text is cleared only once sent) and
//! 反馈详情: the thread of feedback and answers.

use crate::api::use_api;
use crate::components::incentive_labels::IncentiveError;
use crate::components::remote::use_remote;
use crate::format;
use crate::i18n::{tr, use_i18n, InFeedbackCount, InFeedbackHint, InFeedbackTooShort, InTextTooLong, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::incentives::calls::{ListFeedbacks, SendFeedback};
use partner_api::incentives::feedback::{
    check_content, feedback_status, why_feedback_refused, FeedbackBody, MAX_LEN, MIN_LEN,
};
use partner_api::incentives::model::IncentiveDetail;
use partner_api::ApiError;

#[component]
pub fn FeedbackCard(detail: RwSignal<Option<IncentiveDetail>>, on_sent: Callback<()>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let tried = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let sent = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let draft = Memo::new(move |_| {
        detail.with(|d| d.as_ref().is_some_and(|d| why_feedback_refused(&d.incentive.status).is_some()))
    });
    let problem = move || {
        let l = i18n.get();
        let t = text.get();
        let n = t.trim().chars().count();
        if n > MAX_LEN {
            Some(InTextTooLong { max: &MAX_LEN }.text(l))
        } else if tried.get() && n < MIN_LEN {
            Some(InFeedbackTooShort { min: &MIN_LEN }.text(l))
        } else {
            None
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        sent.set(false);
        let Some(id) = detail.with_untracked(|d| d.as_ref().map(|d| d.incentive.incentive_id.clone())) else { return };
        let Ok(content) = check_content(&text.get_untracked()) else { return };
        if sending.get_untracked() {
            return;
        }
        sending.set(true);
        failure.set(None);
        spawn_local(async move {
            let result = api.call(&SendFeedback { incentive_id: id, body: FeedbackBody { content } }).await;
            sending.try_set(false);
            match result {
                Ok(_) => {
                    text.try_set(String::new());
                    tried.try_set(false);
                    sent.try_set(true);
                    on_sent.run(());
                }
                Err(e) => {
                    failure.try_set(Some(e));
                }
            }
        });
    };
    view! {
        <div class="card" data-testid="feedback-card">
            <h2 class="card-title">{tr(Msg::InFeedbackTitle)}</h2>
            {move || if draft.get() {
                view! { <p class="muted" data-testid="feedback-draft">{tr(Msg::InFeedbackDraft)}</p> }.into_any()
            } else {
                view! {
                    <form class="stack-form" data-testid="feedback-form" on:submit=submit novalidate>
                        <label class="field">
                            <span class="field-label">{tr(Msg::InFeedbackLabel)}<span class="required" aria-hidden="true">"*"</span></span>
                            <textarea
                                rows="4"
                                class:invalid=move || problem().is_some()
                                aria-invalid=move || problem().is_some().to_string()
                                data-testid="feedback-text"
                                prop:value=move || text.get()
                                on:input=move |ev| text.set(event_target_value(&ev))
                            ></textarea>
                            <span class="field-hint">
                                {move || InFeedbackHint { min: &MIN_LEN, max: &MAX_LEN }.text(i18n.get())}" "
                                <span data-testid="feedback-count">{move || InFeedbackCount { n: &text.with(|t| t.trim().chars().count()), max: &MAX_LEN }.text(i18n.get())}</span>
                            </span>
                            {move || problem().map(|p| view! { <span class="field-error" role="alert" data-testid="feedback-problem">{p}</span> })}
                        </label>
                        {move || failure.get().map(|e| view! { <IncentiveError error=e /> })}
                        {move || sent.get().then(|| view! { <div class="notice notice-success" role="status" data-testid="feedback-sent">{tr(Msg::InFeedbackSent)}</div> })}
                        <div class="form-actions">
                            <button type="submit" class="button primary" data-testid="feedback-send" disabled=move || sending.get()>
                                {move || if sending.get() { Msg::InSending } else { Msg::InFeedbackSend }.text(i18n.get())}
                            </button>
                        </div>
                    </form>
                }
                .into_any()
            }}
        </div>
    }
}

#[component]
pub fn Thread(id: Memo<String>, version: RwSignal<u32>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let thread = use_remote(move || {
        version.track();
        let request = ListFeedbacks { incentive_id: id.get() };
        async move { api.call(&request).await }
    });
    view! {
        <div class="card" data-testid="feedback-thread">
            <h2 class="card-title">{tr(Msg::InThreadTitle)}</h2>
            {move || thread.error.get().map(|e| view! { <IncentiveError error=e on_retry=Callback::new(move |_| thread.reload()) /> })}
            {move || thread.data.with(|t| t.as_ref().map(|t| {
                let l = i18n.get();
                if t.feedbacks.is_empty() {
                    return view! { <p class="muted" data-testid="thread-empty">{Msg::InThreadEmpty.text(l)}</p> }.into_any();
                }
                view! {
                    <ol class="feedback-thread">
                        {t.feedbacks.iter().map(|f| {
                            let answered = f.status == feedback_status::ANSWERED;
                            view! {
                                <li class="feedback-item" data-testid="feedback-item" data-status=f.status.clone()>
                                    <div class="feedback-meta">
                                        <strong>{f.author.clone()}</strong>" · "{format::date_time(&f.create_time)}" · "
                                        <span class=if answered { "tag tag-won" } else { "tag tag-medium" }>
                                            {if answered { Msg::InAnswered } else { Msg::InAwaitingAnswer }.text(l)}
                                        </span>
                                    </div>
                                    <p class="feedback-content" data-testid="feedback-content">{f.content.clone()}</p>
                                    {f.answer.clone().map(|a| view! {
                                        <div class="feedback-answer" data-testid="feedback-answer">
                                            <span class="feedback-meta">{Msg::InAnswer.text(l)}{f.answer_time.as_ref().map(|t| format!(" · {}", format::date_time(t)))}</span>
                                            <p>{a}</p>
                                        </div>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }
                .into_any()
            }))}
        </div>
    }
}
