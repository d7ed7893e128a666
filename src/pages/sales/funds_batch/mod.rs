//! S11 批量调账 / Batch adjustment: a list of customers pasted or read from a file, reviewed
//! against their balances (A4) and the partner's allocatable cash (R2), then sent one
//! customer at a time (A1/A2) by the contract's batch plan, saved before every call, so a lost
//! answer is settled from the A3 records before anything is sent again and a closed tab is
//! resumed the same way: each customer is adjusted once.
//!
//! - `controller.rs`: the state (`flow.rs`) and every move between states;
//! - `driver.rs`: runs the plan; `saved.rs`: plans kept in localStorage;
//! - `entry.rs` (the list, `file.rs` reads files), `review.rs`, `results.rs`: the step views.

mod controller;
mod driver;
mod entry;
mod file;
mod flow;
mod labels;
mod results;
mod review;
mod saved;

use crate::api::use_api;
use crate::components::page_tabs::{PageTabs, FUNDS_TABS};
use crate::i18n::{tr, use_i18n, FbResumeFound, Msg};
use crate::routes::CUSTOMER_FUNDS_BATCH;
use controller::Batch;
use entry::ListEntry;
use flow::Flow;
use leptos::prelude::*;
use results::BatchResults;
use review::BatchReview;

#[component]
pub fn FundsBatchPage() -> impl IntoView {
    let batch = Batch::new(use_api(), saved::saved_unfinished_plans());
    // Only the kind of step matters here: a plan's progress redraws inside `BatchResults`.
    let step = Memo::new(move |_| {
        batch.flow.with(|f| match f {
            Flow::Editing | Flow::Checking => 0u8,
            Flow::Reviewing(_) => 1,
            _ => 2,
        })
    });
    let view_step = move || {
        let _ = step.get();
        batch.flow.with_untracked(|f| match f {
            Flow::Editing | Flow::Checking => view! { <ListEntry batch /> }.into_any(),
            Flow::Reviewing(checked) => view! { <BatchReview batch checked=checked.clone() /> }.into_any(),
            _ => view! { <BatchResults batch /> }.into_any(),
        })
    };
    view! {
        <section class="page" data-testid="page-funds-batch" data-state=move || batch.flow.with(Flow::name)>
            <h1 class="page-title">{tr(Msg::FdNav)}</h1>
            <PageTabs tabs=FUNDS_TABS current=CUSTOMER_FUNDS_BATCH />
            <p class="page-intro">{tr(Msg::FbIntro)}</p>
            <ResumeNotices batch />
            {view_step}
        </section>
    }
}

/// Unfinished plans saved by an earlier visit: continued by settling first, never by resending.
#[component]
fn ResumeNotices(batch: Batch) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        batch
            .found
            .get()
            .into_iter()
            .map(|p| {
                let t = p.tally();
                let n = t.pending + t.sending + t.unknown;
                let id = p.plan_id.clone();
                view! {
                    <div class="notice notice-info" data-testid="batch-resume-notice">
                        <div class="notice-title">{tr(Msg::FbResumeTitle)}</div>
                        <p>{move || FbResumeFound { n: &n }.text(i18n.get())}</p>
                        <div class="form-actions">
                            <button class="button primary" type="button" data-testid="batch-resume" disabled=move || batch.busy() on:click=move |_| batch.resume_saved(p.clone())>{tr(Msg::VoContinue)}</button>
                            <button class="button" type="button" data-testid="batch-discard" on:click=move |_| batch.discard_saved(&id)>{tr(Msg::VoDiscard)}</button>
                        </div>
                    </div>
                }
            })
            .collect_view()
    }
}
