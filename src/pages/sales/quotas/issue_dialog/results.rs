//! The dialog's last step: each reseller's result (read back from the records when the
//! answer was lost), and the duplicate check.

use super::super::duplicates::{QuotaDuplicates, Sent};
use crate::i18n::{error_text, tr, use_i18n, Locale, Msg, QtIssuedAs, QtNSucceeded};
use leptos::prelude::*;
use partner_api::quota_issue::Outcome;

fn outcome_text(o: &Outcome, reconciled: bool, l: Locale) -> String {
    match o {
        Outcome::Issued(q) => QtIssuedAs { quota: &q }.text(l),
        Outcome::Failed { code, .. } if code.is_empty() && reconciled => Msg::QtNotIssuedChecked.text(l).into(),
        Outcome::Failed { code, message } => {
            let why = error_text(code, l).map(str::to_string).unwrap_or_else(|| message.clone());
            format!("{} — {why} ({code})", Msg::QtNotIssued.text(l))
        }
        Outcome::Unknown => Msg::QtUnknown.text(l).into(),
    }
}

fn state_of(o: &Outcome) -> &'static str {
    match o {
        Outcome::Issued(_) => "issued",
        Outcome::Failed { .. } => "failed",
        Outcome::Unknown => "unknown",
    }
}

#[component]
pub fn Results(
    /// (reseller label, reseller id, outcome)
    results: RwSignal<Vec<(String, String, Outcome)>>,
    reconciled: bool,
    sent: RwSignal<Option<Sent>>,
    on_done: Callback<()>,
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div data-testid="issue-quota-results" data-reconciled=reconciled.to_string()>
            <div class="card-title">{tr(Msg::QtResults)}</div>
            {reconciled.then(|| view! { <div class="notice notice-info" data-testid="issue-quota-reconciled">{tr(Msg::QtReconciled)}</div> })}
            <p class="muted" data-testid="issue-quota-counts">{move || {
                let (ok, bad) = results.with(|r| {
                    let ok = r.iter().filter(|x| matches!(x.2, Outcome::Issued(_))).count();
                    (ok, r.len() - ok)
                });
                QtNSucceeded { ok: &ok, failed: &bad }.text(i18n.get())
            }}</p>
            <table class="plain-table">
                <thead><tr><th>{tr(Msg::QtReseller)}</th><th>{tr(Msg::Result)}</th></tr></thead>
                <tbody>
                    {move || results.get().into_iter().map(|(name, id, o)| {
                        let state = state_of(&o);
                        view! {
                            <tr data-testid="issue-quota-result" data-reseller=id data-state=state>
                                <td>{name}</td>
                                <td class=format!("result-{state}")>{move || outcome_text(&o, reconciled, i18n.get())}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            {move || sent.get().map(|s| view! {
                <QuotaDuplicates sent=s shown=results.into() on_change=on_done />
            })}
            <div class="form-actions">
                <button class="button primary" type="button" data-testid="issue-quota-close" data-dialog-cancel on:click=move |_| on_close.run(())>{tr(Msg::Close)}</button>
            </div>
        </div>
    }
}
