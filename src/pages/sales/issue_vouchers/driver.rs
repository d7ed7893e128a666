//! Runs a plan until it is finished or a read needed to go on fails, so that nobody is issued
//! twice: the plan is saved before every call and after every answer, and an ambiguous batch
//! is reconciled from the V5 records before anything else is sent.

use super::flow::Flow;
use super::saved::{forget_plan, save_plan, unfinished};
use crate::api::Api;
use leptos::prelude::*;
use partner_api::coupons::{operation_type, CouponRecord, ListPartnerCouponsRecordRequest};
use partner_api::issuance::{Next, Plan};
use partner_api::time::{to_wire, Instant};
use partner_api::ApiError;

/// Reads every V5 issue record of the quota since `since` (all pages).
pub async fn issue_records_since(api: &Api, quota_id: &str, since: Instant) -> Result<Vec<CouponRecord>, ApiError> {
    let mut out = Vec::new();
    let mut offset = 0i64;
    loop {
        let req = ListPartnerCouponsRecordRequest {
            operation_types: vec![operation_type::ISSUE.to_string()],
            quota_id: Some(quota_id.to_string()),
            operation_time_begin: Some(to_wire(&since)),
            offset: Some(offset),
            limit: Some(100),
            ..Default::default()
        };
        let r = api.call(&req).await?;
        let n = r.records.len() as i64;
        out.extend(r.records);
        offset += n;
        let total = r.total_count.unwrap_or(0) as i64;
        if n == 0 || offset >= total {
            return Ok(out);
        }
    }
}

/// The V5 issue records of these coupons (at most 100): their server times raise the plan's
/// floor before an ambiguous batch is reconciled.
async fn records_of_coupons(api: &Api, coupon_ids: &[String]) -> Result<Vec<CouponRecord>, ApiError> {
    let req = ListPartnerCouponsRecordRequest {
        operation_types: vec![operation_type::ISSUE.to_string()],
        coupon_ids: coupon_ids.to_vec(),
        offset: Some(0),
        limit: Some(100),
        ..Default::default()
    };
    Ok(api.call(&req).await?.records)
}

/// The plan on screen while it is being issued (the page may be gone: then nothing).
fn current(flow: RwSignal<Flow>) -> Option<Plan> {
    flow.try_with_untracked(|s| s.plan().cloned()).flatten()
}

/// Takes the flow from `Issuing` to `Done` or `Interrupted`.
pub async fn run_plan(api: Api, flow: RwSignal<Flow>) {
    while let Some(mut p) = current(flow) {
        // What comes next (a dry run: the plan is only changed once the call can be made).
        let mut probe = p.clone();
        match probe.next(Instant::default()) {
            Next::Finished => {
                save_plan(&p);
                if !unfinished(&p.tally()) {
                    forget_plan(&p.plan_id);
                }
                flow.try_set(Flow::Done(p));
                return;
            }
            Next::Reconcile { batch, anchor } => {
                // Server time of the last settled batch first (records are compared in server
                // time only, see partner_api::issuance), then the records since then.
                if !anchor.is_empty() {
                    match records_of_coupons(&api, &anchor).await {
                        Ok(records) => {
                            p.raise_floor(batch, &records);
                            save_plan(&p);
                        }
                        Err(error) => {
                            flow.try_set(Flow::Interrupted { plan: p, error });
                            return;
                        }
                    }
                }
                match issue_records_since(&api, &p.template.quota_id, p.floor).await {
                    Ok(records) => {
                        p.reconcile(batch, &records);
                        save_plan(&p);
                        flow.try_set(Flow::Issuing(p));
                    }
                    Err(error) => {
                        flow.try_set(Flow::Interrupted { plan: p, error });
                        return;
                    }
                }
            }
            Next::Send { .. } => {
                // The browser's time is only kept for the record; reconciliation uses the
                // server's clock (the plan's floor).
                let Next::Send { batch, request } = p.next(crate::format::now()) else {
                    flow.try_set(Flow::Done(p));
                    return;
                };
                save_plan(&p);
                flow.try_set(Flow::Issuing(p.clone()));
                match api.call(&request).await {
                    Ok(a) => p.settle(batch, &a),
                    Err(e) => p.fail(batch, &e),
                }
                save_plan(&p);
                flow.try_set(Flow::Issuing(p));
            }
        }
    }
}
