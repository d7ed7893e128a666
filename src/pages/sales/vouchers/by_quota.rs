//! S6 rows when a quota is chosen: a page of V5 successful issue records of that quota, each
//! shown with its coupon's current state from V3 (a bounded number of calls at once, for the
//! visible page only). See `partner_api::coupons_by_quota`.

use crate::api::Api;
use crate::components::table::{Rows, Slice};
use futures::stream::{self, StreamExt};
use partner_api::coupons::{IssuedCoupon, ListIssuedPartnerCouponsRequest, ListIssuedPartnerCouponsResponse};
use partner_api::coupons_by_quota::{coupon_request, issue_records_request, PARALLEL_LOOKUPS};
use partner_api::ApiError;

pub async fn load(
    api: Api,
    quota: String,
    quota_type: Option<i32>,
    filter: ListIssuedPartnerCouponsRequest,
    slice: Slice,
) -> Result<Rows<IssuedCoupon>, ApiError> {
    let req = issue_records_request(&quota, quota_type, &filter, slice.offset, u64::from(slice.limit));
    let page = api.call(&req).await?;
    let total = page.total_count.unwrap_or(page.records.len() as u64);
    let ids: Vec<String> = page.records.into_iter().filter_map(|r| r.coupon_id).collect();
    let answers: Vec<Result<ListIssuedPartnerCouponsResponse, ApiError>> = stream::iter(ids)
        .map(|id| async move { api.call(&coupon_request(&id)).await })
        .buffered(PARALLEL_LOOKUPS)
        .collect()
        .await;
    let mut rows = Vec::with_capacity(answers.len());
    for a in answers {
        // A failed lookup fails the page (the table offers a retry) rather than hiding a row.
        rows.extend(a?.user_coupons.into_iter().next());
    }
    Ok(Rows { rows, total })
}
