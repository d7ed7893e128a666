//! Runs a batch plan (`partner_api::accounts::batch::Plan`) until it is finished, paused, or a
//! read needed to go on fails. The plan is saved before every call and after every answer, so
//! a closed tab never loses what was sent; a row whose answer was lost is settled from the A3
//! records before anything else is sent (the plan decides: `Next::Reconcile` comes first).

use super::flow::Flow;
use super::saved::{forget_plan, save_plan, unfinished};
use crate::api::Api;
use leptos::prelude::*;
use partner_api::accounts::batch::{Call, Next, Plan};

/// The plan on screen while it runs (the page may be gone: then nothing).
fn current(flow: RwSignal<Flow>) -> Option<Plan> {
    flow.try_with_untracked(|s| if let Flow::Running(p) = s { Some(p.clone()) } else { None }).flatten()
}

/// Takes the flow from `Running` to `Done`, `Paused` or `Interrupted`. `pause` is asked between
/// two rows (a row in flight is always settled first).
pub async fn run_plan(api: Api, flow: RwSignal<Flow>, pause: StoredValue<bool>) {
    while let Some(mut p) = current(flow) {
        if pause.try_get_value().unwrap_or(true) {
            save_plan(&p);
            flow.try_set(Flow::Paused(p));
            return;
        }
        match p.next(crate::api::server_clock::now()) {
            // A row left in flight (never by this driver, which settles each call): settle it
            // from the records like after a reload.
            Next::Wait => {
                p.resume();
                flow.try_set(Flow::Running(p));
            }
            Next::Finished => {
                save_plan(&p);
                if !unfinished(&p) {
                    forget_plan(&p.plan_id);
                }
                flow.try_set(Flow::Done(p));
                return;
            }
            Next::Reconcile { index, query } => match api.all_pages(&query).await {
                Ok(records) => {
                    p.reconcile(index, &records);
                    save_plan(&p);
                    flow.try_set(Flow::Running(p));
                }
                Err(error) => {
                    save_plan(&p);
                    flow.try_set(Flow::Interrupted { plan: p, error });
                    return;
                }
            },
            Next::Send { index, call } => {
                // Saved with the row in flight: a reload now reconciles it, never resends it.
                save_plan(&p);
                flow.try_set(Flow::Running(p.clone()));
                let answer = match call {
                    Call::Allocate(r) => api.call(&r).await.map(|a| a.transfer_id),
                    Call::Reclaim(r) => api.call(&r).await.map(|a| a.trans_id),
                };
                match answer {
                    Ok(id) => p.settle(index, &id),
                    Err(e) => p.fail(index, &e),
                }
                save_plan(&p);
                flow.try_set(Flow::Running(p));
            }
        }
    }
}
