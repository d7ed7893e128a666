//! C1 ListSubCustomers — `POST /v2/partners/sub-customers/query` (PARTNER_API.md §2).

use crate::auth::Caller;
use crate::body::JsonBody;
use crate::errors::ApiFailure;
use crate::store::{AppState, Customer, CustomerIx, Data};
use crate::visibility::Viewer;
use axum::extract::State;
use axum::{Extension, Json};
use partner_api::customers::{
    AccountManagerRef, CustomerInformation, ListSubCustomersRequest, ListSubCustomersResponse,
};
use partner_api::time::Instant;
use partner_api::validate::{max_len, range, utc_opt};
use partner_api::PageRequest;

/// The checked filters of one request.
struct Filter {
    account_name: Option<String>,
    customer: Option<String>,
    label: Option<String>,
    association_type: Option<String>,
    begin: Option<Instant>,
    end: Option<Instant>,
    customer_id: Option<String>,
}

impl Filter {
    fn matches(&self, c: &Customer) -> bool {
        self.customer_id.as_ref().is_none_or(|id| &c.id == id)
            && self.association_type.as_ref().is_none_or(|t| c.association_type == t)
            && self.begin.is_none_or(|b| c.associated_on >= b)
            && self.end.is_none_or(|e| c.associated_on < e)
            && self.account_name.as_ref().is_none_or(|q| c.account_name_lc.contains(q.as_str()))
            && self.customer.as_ref().is_none_or(|q| c.customer_lc.contains(q.as_str()))
            // Labels match case-sensitively, as documented.
            && self.label.as_ref().is_none_or(|q| c.label.is_some_and(|l| l.contains(q.as_str())))
    }
}

fn validate(req: &ListSubCustomersRequest) -> Result<(Filter, PageRequest), ApiFailure> {
    max_len("account_name", req.account_name.as_deref(), 64)?;
    max_len("customer", req.customer.as_deref(), 64)?;
    let page = PageRequest::from_raw(req.offset, req.limit)?;
    max_len("label", req.label.as_deref(), 64)?;
    max_len("association_type", req.association_type.as_deref(), 2)?;
    max_len("associated_on_begin", req.associated_on_begin.as_deref(), 20)?;
    max_len("associated_on_end", req.associated_on_end.as_deref(), 20)?;
    let begin = utc_opt("associated_on_begin", req.associated_on_begin.as_deref())?;
    let end = utc_opt("associated_on_end", req.associated_on_end.as_deref())?;
    range("associated_on_begin", begin, end)?;
    max_len("customer_id", req.customer_id.as_deref(), 64)?;
    max_len("indirect_partner_id", req.indirect_partner_id.as_deref(), 64)?;
    let filter = Filter {
        account_name: req.account_name.as_ref().map(|s| s.to_lowercase()),
        customer: req.customer.as_ref().map(|s| s.to_lowercase()),
        label: req.label.clone(),
        association_type: req.association_type.clone(),
        begin,
        end,
        customer_id: req.customer_id.clone(),
    };
    Ok((filter, page))
}

pub fn information(data: &Data, c: &Customer) -> CustomerInformation {
    CustomerInformation {
        customer_id: c.id.clone(),
        account_name: c.account_name.clone(),
        customer: Some(c.customer.clone()),
        associated_on: Some(c.associated_on),
        association_type: Some(c.association_type.into()),
        label: c.label.map(Into::into),
        telephone: Some(c.telephone.clone()),
        country_code: Some(c.country_code.into()),
        email: Some(c.email.clone()),
        verified_status: Some(c.verified_status.into()),
        customer_type: Some(c.customer_type),
        is_frozen: Some(c.is_frozen),
        account_managers: c
            .account_manager
            .map(|am| AccountManagerRef { account_name: data.users[am].name.clone() })
            .into_iter()
            .collect(),
        xaccount_id: Some(c.xaccount_id.clone()),
        xaccount_type: Some(data.partners[c.partner].xaccount_type.clone()),
        customer_level: Some(c.customer_level.into()),
    }
}

pub async fn query(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    JsonBody(req): JsonBody<ListSubCustomersRequest>,
) -> Result<Json<ListSubCustomersResponse>, ApiFailure> {
    let (filter, page) = validate(&req)?;
    let data = &state.data;
    let v = Viewer::new(data, caller.user);
    // Without indirect_partner_id: the caller's own direct customers. With it: that
    // reseller's customers, which only the distributor's admin may see.
    let source: &[CustomerIx] = match req.indirect_partner_id.as_deref() {
        Some(id) => {
            let reseller = v.reseller(id)?;
            if v.is_admin() {
                &data.partners[reseller].customers
            } else {
                &[]
            }
        }
        None => &v.partner.customers,
    };
    // The partner lists are kept in C1 order, so one pass counts and cuts the page.
    let want = page.range(usize::MAX);
    let mut count = 0usize;
    let mut customer_infos = Vec::new();
    for &ix in source {
        let c = data.customer(ix);
        if v.can_see(c) && filter.matches(c) {
            if want.contains(&count) {
                customer_infos.push(information(data, c));
            }
            count += 1;
        }
    }
    Ok(Json(ListSubCustomersResponse { count: Some(count as u64), customer_infos }))
}
