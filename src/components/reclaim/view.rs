//! The reclaim flow's views: the notice, failure and per-row results above the list, and the
//! confirmation dialog.

use super::{Outcome, Reclaim};
use crate::components::error_notice::ErrorNotice;
use crate::i18n::{error_text, use_i18n, Locale};
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;
use partner_api::Amount;

fn outcome_text(id: &str, outcome: &Outcome, done: &str, l: Locale) -> String {
    let text = match outcome {
        Ok(None) => done.to_string(),
        Ok(Some(a)) => format!("{done} ({})", a.with_currency("CNY")),
        Err((code, msg)) => {
            let why = error_text(code, l).map(str::to_string).unwrap_or(msg.clone());
            format!("{why} ({code})")
        }
    };
    format!("{id} — {text}")
}

/// What the last attempt said: nothing reclaimable, the error that stopped it, each row's result.
#[component]
pub fn ReclaimResults<T: Clone + Send + Sync + 'static>(reclaim: Reclaim<T>) -> impl IntoView {
    let i18n = use_i18n();
    let (prefix, key_attr, title, done) = reclaim.with_spec(|s| (s.prefix, s.key_attr, s.results, s.done));
    let r = reclaim;
    view! {
        {move || r.notice.get().map(|m| view! { <div class="notice notice-error" role="alert" data-testid=format!("{prefix}-notice")>{m.text(i18n.get())}</div> })}
        {move || r.failure.get().map(|e| view! { <ErrorNotice error=e /> })}
        {move || (!r.outcomes.with(Vec::is_empty) || r.busy.get()).then(|| view! {
            <div class="card issue-progress" data-testid=format!("{prefix}-results") data-state=move || if r.busy.get() { "running" } else { "done" }>
                <div class="card-title">{move || title.text(i18n.get())}</div>
                <ul class="paste-results">
                    {move || r.outcomes.get().into_iter().map(|(id, o)| {
                        let class = if o.is_ok() { "paste-result ok" } else { "paste-result bad" };
                        let ok = o.is_ok().to_string();
                        let key = id.clone();
                        view! {
                            <li class=class data-testid=format!("{prefix}-result") data-ok=ok>
                                {move || { let l = i18n.get(); outcome_text(&id, &o, done.text(l), l) }}
                            </li>
                        }
                        .add_any_attr(custom_attribute(key_attr, key))
                    }).collect_view()}
                </ul>
            </div>
        })}
    }
}

/// The confirmation: how many, the total, how many of the chosen cannot be reclaimed.
#[component]
pub fn ReclaimDialog<T: Clone + Send + Sync + 'static>(reclaim: Reclaim<T>) -> impl IntoView {
    let i18n = use_i18n();
    let r = reclaim;
    move || {
        r.confirm.get().map(|(rows, skipped)| {
            let l = i18n.get();
            let (prefix, spec_amount, summary) = r.with_spec(|s| (s.prefix, s.amount, s.summary));
            let (title, warning, skipped_msg, with_remark) = r.with_spec(|s| (s.title, s.warning, s.skipped, s.remark));
            let total = rows.iter().fold(Amount::ZERO, |a, row| Amount(a.0 + spec_amount(row).0 .0));
            let currency = rows.first().map(|row| spec_amount(row).1).unwrap_or_else(|| "CNY".into());
            let text = summary(&rows, &total.with_currency(&currency), l);
            let id = |s: &str| format!("{prefix}-{s}");
            view! {
                <div class="dialog-backdrop">
                    <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby=id("title") data-testid=id("dialog") data-count=rows.len().to_string() data-total=total.to_string()>
                        <h2 id=id("title")>{title.text(l)}</h2>
                        <p class="danger-text" data-testid=id("summary")>{text}</p>
                        {(skipped > 0).then(|| view! { <p class="muted" data-testid=id("skipped")>{skipped_msg(l, &skipped)}</p> })}
                        {with_remark.then(|| view! {
                            <label class="field">
                                <span class="field-label">{crate::i18n::Msg::RemarkOptional.text(l)}</span>
                                <input type="text" maxlength="256" data-testid=id("remark") prop:value=move || r.remark.get() on:input=move |ev| r.remark.set(event_target_value(&ev)) />
                            </label>
                        })}
                        <p class="muted">{warning.text(l)}</p>
                        <div class="form-actions">
                            <button class="button primary danger-fill" type="button" data-testid=id("confirm") on:click=move |_| r.run()>{title.text(l)}</button>
                            <button class="button" type="button" data-testid=id("cancel") data-dialog-cancel on:click=move |_| r.confirm.set(None)>{crate::i18n::Msg::Cancel.text(l)}</button>
                        </div>
                    </div>
                </div>
            }
        })
    }
}
