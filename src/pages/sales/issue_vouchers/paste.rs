//! The "Add customers" paste box: account names or ids, one a line, resolved against the
//! whitelist in bulk (1,000 keys a call), with a result for every line.

use super::draft::Chosen;
use crate::api::use_api;
use crate::components::error_notice::ErrorNotice;
use crate::i18n::{tr, use_i18n, Msg};
use leptos::prelude::*;
use leptos::task::spawn_local;
use partner_api::whitelist_resolve::{
    paste_lines, paste_outcomes, PasteOutcome, ResolveRequest, Resolved, MAX_RESOLVE_KEYS,
};
use partner_api::ApiError;
use std::collections::{HashMap, HashSet};

/// Outcomes in the order the summary counts them.
const KINDS: [(PasteOutcome, Msg); 5] = [
    (PasteOutcome::Found, Msg::VoPasteFound),
    (PasteOutcome::NotWhitelisted, Msg::VoPasteNotWhitelisted),
    (PasteOutcome::NotYours, Msg::VoPasteNotYours),
    (PasteOutcome::Duplicate, Msg::VoPasteDuplicate),
    (PasteOutcome::Failed, Msg::VoPasteFailed),
];

#[component]
pub fn PasteBox(customers: RwSignal<Vec<Chosen>>, handed: StoredValue<Vec<String>>) -> impl IntoView {
    let api = use_api();
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let results = RwSignal::new(Vec::<(String, PasteOutcome)>::new());
    let error = RwSignal::new(None::<ApiError>);
    let busy = RwSignal::new(false);
    let check = move || {
        let (lines, keys) = paste_lines(&text.get_untracked());
        busy.set(true);
        error.set(None);
        spawn_local(async move {
            let mut answers: HashMap<String, Resolved> = HashMap::new();
            // A failed call leaves its keys without an answer: those lines say so, the
            // others still count (a read: nothing is issued here).
            for chunk in keys.chunks(MAX_RESOLVE_KEYS) {
                let req = ResolveRequest { keys: chunk.to_vec() };
                match api.call(&req).await {
                    Ok(r) => answers.extend(r.results.into_iter().map(|r| (r.key.to_lowercase(), r))),
                    Err(e) => {
                        error.try_set(Some(e));
                    }
                }
            }
            let chosen: HashSet<String> =
                customers.try_with_untracked(|c| c.iter().map(|c| c.id.clone()).collect()).unwrap_or_default();
            let (out, found) = paste_outcomes(&lines, &answers, &chosen);
            // Added in one step (thousands of lines would otherwise redraw once per line).
            customers.try_update(|c| {
                c.extend(found.into_iter().map(|f| Chosen { id: f.id, account: f.account, name: f.name }))
            });
            results.try_set(out);
            busy.try_set(false);
        });
    };
    // Customers handed over by another page are checked as if pasted, once.
    let ids = handed.try_update_value(std::mem::take).unwrap_or_default();
    if !ids.is_empty() {
        text.set(ids.join("\n"));
        check();
    }
    view! {
        <div class="paste-box">
            <label class="field">
                <span class="field-label">{tr(Msg::VoPasteLabel)}</span>
                <textarea rows="3" data-testid="paste-input" prop:value=text on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </label>
            <div class="form-actions">
                <button class="button" type="button" data-testid="paste-check" disabled=move || busy.get() on:click=move |_| check()>{tr(Msg::VoPasteCheck)}</button>
            </div>
            {move || error.get().map(|e| view! { <ErrorNotice error=e /> })}
            <p class="paste-summary" data-testid="paste-summary">
                {move || {
                    let l = i18n.get();
                    results.with(|r| {
                        KINDS.iter().filter_map(|(kind, msg)| {
                            let n = r.iter().filter(|(_, o)| o == kind).count();
                            (n > 0).then(|| format!("{n} × {}", msg.text(l)))
                        }).collect::<Vec<_>>().join(" · ")
                    })
                }}
            </p>
            // Scrolls on its own: thousands of lines must not stretch the page.
            <ul class="paste-results paste-box-results" data-testid="paste-results">
                {move || {
                    let l = i18n.get();
                    results.get().into_iter().map(|(line, o)| {
                        let (msg, code, class) = match o {
                            PasteOutcome::Found => (Msg::VoPasteFound, "found", "ok"),
                            PasteOutcome::NotWhitelisted => (Msg::VoPasteNotWhitelisted, "not-whitelisted", "bad"),
                            PasteOutcome::Duplicate => (Msg::VoPasteDuplicate, "duplicate", "warn"),
                            PasteOutcome::NotYours => (Msg::VoPasteNotYours, "not-yours", "bad"),
                            PasteOutcome::Failed => (Msg::VoPasteFailed, "failed", "bad"),
                        };
                        view! { <li class=format!("paste-result {class}") data-testid="paste-result" data-line=line.clone() data-outcome=code>{format!("{line} — {}", msg.text(l))}</li> }
                    }).collect_view()
                }}
            </ul>
        </div>
    }
}
