//! Q4 records of a source quota: what they held before a Q1 call, and what came after, to
//! read a lost answer back.

use crate::api::Api;
use partner_api::quotas::{operation_type, ListCouponQuotasRecordsRequest, QuotaRecord};
use partner_api::ApiError;
use std::collections::HashSet;

/// The source quota's issue records, newest first: one page (`known` = None, the snapshot
/// before sending: new records come first), or down to the first record already known.
pub async fn records_since(
    api: &Api,
    source: &str,
    known: Option<&HashSet<String>>,
) -> Result<Vec<QuotaRecord>, ApiError> {
    let mut out = Vec::new();
    let pages = if known.is_some() { 10 } else { 1 };
    for page in 0..pages {
        let req = ListCouponQuotasRecordsRequest {
            parent_quota_id: Some(source.to_string()),
            operation_type: Some(operation_type::ISSUE_QUOTA.into()),
            offset: Some(page * 100),
            limit: Some(100),
            ..Default::default()
        };
        let r = api.call(&req).await?;
        let n = r.records.len();
        let reached = known.is_some_and(|k| r.records.iter().any(|x| k.contains(&x.id)));
        out.extend(r.records);
        if reached || n < 100 {
            break;
        }
    }
    Ok(out)
}
