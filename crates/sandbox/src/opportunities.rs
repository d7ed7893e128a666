//! Own contract for S1 (docs/contracts/opportunities.md): the customer/opportunity list
//! `POST /v2/partners/sub-customers/opportunities/query` and one customer's opportunities
//! `GET /v2/partners/sub-customers/{customer_id}/opportunities`.

use crate::auth::Caller;
use crate::body::JsonBody;
use crate::errors::ApiFailure;
use crate::profile::person;
use crate::query::QueryParams;
use crate::store::{AppState, Customer, CustomerIx, Data, Opp};
use crate::visibility::Viewer;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::{Extension, Json};
use partner_api::money::MEASURE_YUAN;
use partner_api::number_range::{check_api_range, AmountRange};
use partner_api::opportunities::{
    CustomerOpportunitiesResponse, CustomerOpportunity, Opportunity, OpportunityListResponse, OpportunityQuery,
    CONFIDENCES, DEFAULT_ORDER_BY, INDUSTRIES, OPPORTUNITY_TYPES, SORT_KEYS, STAGES,
};
use partner_api::page::{PageQuery, PageRequest};
use partner_api::time::Instant;
use partner_api::validate::{max_len, one_of, range, utc_opt, Violation};
use std::cmp::Ordering;

/// Most values one multi-value filter may carry.
pub const MAX_VALUES: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SortKey {
    LastUpdate,
    Revenue,
    AssociatedOn,
    AccountName,
}

struct Checked {
    keyword: Option<String>,
    revenue: AmountRange,
    begin: Option<Instant>,
    end: Option<Instant>,
    key: SortKey,
    descending: bool,
    page: PageRequest,
}

fn codes(parameter: &str, values: &[String], allowed: &[&str]) -> Result<(), Violation> {
    if values.len() > MAX_VALUES {
        return Err(Violation::new(parameter, format!("must have at most {MAX_VALUES} values")));
    }
    values.iter().try_for_each(|v| one_of(parameter, v, allowed))
}

fn order_by(raw: Option<&str>) -> Result<(SortKey, bool), Violation> {
    let raw = raw.unwrap_or(DEFAULT_ORDER_BY);
    let (descending, key) = match raw.strip_prefix('-') {
        Some(k) => (true, k),
        None => (false, raw),
    };
    let key = match key {
        "last_update_time" => SortKey::LastUpdate,
        "expected_monthly_revenue" => SortKey::Revenue,
        "associated_on" => SortKey::AssociatedOn,
        "account_name" => SortKey::AccountName,
        _ => {
            let keys = SORT_KEYS.join(", ");
            return Err(Violation::new("order_by", format!("must be one of {keys}, optionally prefixed with '-'")));
        }
    };
    Ok((key, descending))
}

fn validate(q: &OpportunityQuery) -> Result<Checked, Violation> {
    max_len("keyword", q.keyword.as_deref(), 64)?;
    codes("industries", &q.industries, INDUSTRIES)?;
    codes("opportunity_types", &q.opportunity_types, OPPORTUNITY_TYPES)?;
    codes("stages", &q.stages, STAGES)?;
    codes("confidences", &q.confidences, CONFIDENCES)?;
    let begin = utc_opt("last_update_begin", q.last_update_begin.as_deref())?;
    let end = utc_opt("last_update_end", q.last_update_end.as_deref())?;
    range("last_update_begin", begin, end)?;
    let revenue = check_api_range("revenue", q.revenue_min, q.revenue_max)?;
    max_len("account_manager", q.account_manager.as_deref(), 64)?;
    max_len("indirect_partner_id", q.indirect_partner_id.as_deref(), 64)?;
    let (key, descending) = order_by(q.order_by.as_deref())?;
    let page = PageRequest::from_raw(q.offset, q.limit)?;
    Ok(Checked { keyword: q.keyword.as_ref().map(|k| k.to_lowercase()), revenue, begin, end, key, descending, page })
}

fn matches(q: &OpportunityQuery, ck: &Checked, c: &Customer) -> bool {
    let has = |list: &[String], v: &str| list.is_empty() || list.iter().any(|x| x == v);
    if !has(&q.industries, c.industry) {
        return false;
    }
    if let Some(k) = &ck.keyword {
        if !c.account_name_lc.contains(k.as_str()) && !c.customer_lc.contains(k.as_str()) {
            return false;
        }
    }
    let opp_filtered = !q.opportunity_types.is_empty()
        || !q.stages.is_empty()
        || !q.confidences.is_empty()
        || ck.begin.is_some()
        || ck.end.is_some()
        || !ck.revenue.is_open();
    if !opp_filtered {
        return true;
    }
    // Opportunity filters look at the current opportunity; no opportunity, no match.
    c.current().is_some_and(|o| {
        has(&q.opportunity_types, o.opportunity_type)
            && has(&q.stages, o.stage)
            && has(&q.confidences, o.confidence)
            && ck.begin.is_none_or(|b| o.last_update_time >= b)
            && ck.end.is_none_or(|e| o.last_update_time < e)
            && ck.revenue.contains(o.expected_monthly_revenue)
    })
}

/// Customers without a current opportunity sort last in both directions.
fn cmp_opt<T: Ord>(a: Option<T>, b: Option<T>, descending: bool) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) if descending => b.cmp(&a),
        (Some(a), Some(b)) => a.cmp(&b),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

fn compare(key: SortKey, descending: bool, a: &Customer, b: &Customer) -> Ordering {
    let dir = |o: Ordering| if descending { o.reverse() } else { o };
    let primary = match key {
        SortKey::LastUpdate => {
            cmp_opt(a.current().map(|o| o.last_update_time), b.current().map(|o| o.last_update_time), descending)
        }
        SortKey::Revenue => cmp_opt(
            a.current().map(|o| o.expected_monthly_revenue),
            b.current().map(|o| o.expected_monthly_revenue),
            descending,
        ),
        SortKey::AssociatedOn => dir(a.associated_on.cmp(&b.associated_on)),
        SortKey::AccountName => dir(a.account_name_lc.cmp(&b.account_name_lc)),
    };
    // Ties always break by customer_id ascending, so paging is stable.
    primary.then_with(|| a.id.cmp(&b.id))
}

pub fn opportunity(o: &Opp) -> Opportunity {
    Opportunity {
        opportunity_id: o.id.clone(),
        name: o.name.into(),
        opportunity_type: o.opportunity_type.into(),
        confidence: o.confidence.into(),
        stage: o.stage.into(),
        expected_monthly_revenue: o.expected_monthly_revenue,
        measure_id: MEASURE_YUAN,
        currency: "CNY".into(),
        created_time: o.created_time,
        last_update_time: o.last_update_time,
    }
}

pub fn row(data: &Data, c: &Customer) -> CustomerOpportunity {
    let partner = &data.partners[c.partner];
    let reseller = partner.parent.is_some().then_some(partner);
    CustomerOpportunity {
        customer_id: c.id.clone(),
        account_name: c.account_name.clone(),
        customer: c.customer.clone(),
        association_type: c.association_type.into(),
        associated_on: c.associated_on,
        industry: c.industry.into(),
        indirect_partner_id: reseller.map(|p| p.id.clone()),
        indirect_partner_name: reseller.map(|p| p.name.clone()),
        account_manager: c.account_manager.map(|am| person(data, am)),
        opportunity: c.current().map(opportunity),
        opportunity_count: c.opportunities.len() as u32,
    }
}

pub async fn query(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(q): JsonBody<OpportunityQuery>,
) -> Result<Json<OpportunityListResponse>, ApiFailure> {
    let ck = validate(&q)?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    let reseller = q.indirect_partner_id.as_deref().map(|id| v.reseller(id)).transpose()?;
    let candidates: Vec<CustomerIx> = match q.account_manager.as_deref() {
        Some(name) => {
            let am =
                v.filterable_account_managers().into_iter().find(|&u| data.users[u].name == name).ok_or_else(|| {
                    ApiFailure::access_denied(format!("no permission to view account manager '{name}'"))
                })?;
            data.users[am].customers.clone()
        }
        None => v.visible_customers(),
    };
    let mut rows: Vec<CustomerIx> = candidates
        .into_iter()
        .filter(|&ix| {
            let c = data.customer(ix);
            reseller.is_none_or(|r| c.partner == r) && v.can_see(c) && matches(&q, &ck, c)
        })
        .collect();
    rows.sort_unstable_by(|&a, &b| compare(ck.key, ck.descending, data.customer(a), data.customer(b)));
    let page = &rows[ck.page.range(rows.len())];
    Ok(Json(OpportunityListResponse {
        total_count: rows.len() as u64,
        visibility_scope: v.scope().into(),
        customer_opportunities: page.iter().map(|&ix| row(data, data.customer(ix))).collect(),
    }))
}

pub async fn detail(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    customer_id: Result<Path<String>, PathRejection>,
    QueryParams(q): QueryParams<PageQuery>,
) -> Result<Json<CustomerOpportunitiesResponse>, ApiFailure> {
    let page = PageRequest::from_raw(q.offset, q.limit)?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    let c = customer_id
        .ok()
        .and_then(|Path(id)| data.customer_by_id.get(&id).copied())
        .map(|ix| data.customer(ix))
        .filter(|c| v.can_see(c))
        .ok_or_else(ApiFailure::not_sub_customer)?;
    Ok(Json(CustomerOpportunitiesResponse {
        customer: row(data, c),
        total_count: c.opportunities.len() as u64,
        opportunities: c.opportunities[page.range(c.opportunities.len())].iter().map(opportunity).collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_by_parsing() {
        assert_eq!(order_by(None).unwrap(), (SortKey::LastUpdate, true));
        assert_eq!(order_by(Some("account_name")).unwrap(), (SortKey::AccountName, false));
        assert_eq!(order_by(Some("-expected_monthly_revenue")).unwrap(), (SortKey::Revenue, true));
        assert_eq!(order_by(Some("--account_name")).unwrap_err().parameter, "order_by");
        assert_eq!(order_by(Some("")).unwrap_err().parameter, "order_by");
    }

    #[test]
    fn missing_sorts_last_both_ways() {
        assert_eq!(cmp_opt(Some(1), None, false), Ordering::Less);
        assert_eq!(cmp_opt(Some(1), None, true), Ordering::Less);
        assert_eq!(cmp_opt(Some(1), Some(2), true), Ordering::Greater);
    }
}
