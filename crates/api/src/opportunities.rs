//! Own contract for S1 Customers & opportunities (no public API exists; see
//! docs/contracts/opportunities.md). Style follows PARTNER_API.md §11.

use crate::money::Amount;
use crate::profile::Person;
use crate::time::Instant;
use serde::{Deserialize, Serialize};

pub const QUERY_PATH: &str = "/v2/partners/sub-customers/opportunities/query";

pub const INDUSTRIES: &[&str] = &[
    "INTERNET",
    "FINANCE",
    "MANUFACTURING",
    "EDUCATION",
    "HEALTHCARE",
    "GOVERNMENT",
    "RETAIL",
    "ENERGY",
    "LOGISTICS",
    "GAMING",
    "MEDIA",
    "OTHER",
];
pub const OPPORTUNITY_TYPES: &[&str] = &["NEW_CUSTOMER", "UPSELL", "MIGRATION", "RENEWAL"];
pub const CONFIDENCES: &[&str] = &["LOW", "MEDIUM", "HIGH"];
pub const STAGES: &[&str] = &["LEAD", "QUALIFIED", "SOLUTION", "NEGOTIATION", "WON", "LOST"];

/// Sortable keys for `order_by` (prefix `-` for descending).
pub const SORT_KEYS: &[&str] = &["last_update_time", "expected_monthly_revenue", "associated_on", "account_name"];
pub const DEFAULT_ORDER_BY: &str = "-last_update_time";

/// Request body of the list. Multi-value filters match any of the listed codes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpportunityQuery {
    /// Fuzzy match on the account name or the real-name customer name (≤64).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keyword: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub industries: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opportunity_types: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub confidences: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_update_begin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_update_end: Option<String>,
    /// The current opportunity's expected monthly revenue is at least this (≥ 0, 2 dp).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_min: Option<crate::Amount>,
    /// … and at most this; min must not exceed max.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revenue_max: Option<crate::Amount>,
    /// Login name of an account manager (supervisors and admins only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_manager: Option<String>,
    /// Only customers of this tier-2 reseller (distributors only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indirect_partner_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
}

/// Which rows the server let this person see.
pub mod scope {
    /// Every customer of the partner (admins).
    pub const ALL: &str = "ALL";
    /// Customers of the supervisor's team.
    pub const TEAM: &str = "TEAM";
    /// Customers assigned to the signed-in account manager.
    pub const OWN: &str = "OWN";
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpportunityListResponse {
    pub total_count: u64,
    /// One of [`scope`].
    pub visibility_scope: String,
    pub customer_opportunities: Vec<CustomerOpportunity>,
}

/// One row: a sub-customer with its current opportunity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerOpportunity {
    pub customer_id: String,
    pub account_name: String,
    pub customer: String,
    pub association_type: String,
    #[serde(with = "crate::time::wire")]
    pub associated_on: Instant,
    pub industry: String,
    #[serde(default)]
    pub indirect_partner_id: Option<String>,
    #[serde(default)]
    pub indirect_partner_name: Option<String>,
    #[serde(default)]
    pub account_manager: Option<Person>,
    /// The most recently updated opportunity; None when the customer has none.
    #[serde(default)]
    pub opportunity: Option<Opportunity>,
    /// Number of opportunities the customer has in all.
    pub opportunity_count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Opportunity {
    pub opportunity_id: String,
    pub name: String,
    pub opportunity_type: String,
    pub confidence: String,
    pub stage: String,
    pub expected_monthly_revenue: Amount,
    pub measure_id: i32,
    pub currency: String,
    #[serde(with = "crate::time::wire")]
    pub created_time: Instant,
    #[serde(with = "crate::time::wire")]
    pub last_update_time: Instant,
}

/// `GET /v2/partners/sub-customers/{customer_id}/opportunities`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerOpportunitiesResponse {
    pub customer: CustomerOpportunity,
    pub total_count: u64,
    pub opportunities: Vec<Opportunity>,
}

/// The opportunities of one customer, a page of them.
pub const DETAIL_ROUTE: &str = "/v2/partners/sub-customers/{customer_id}/opportunities";

/// `GET /v2/partners/sub-customers/{customer_id}/opportunities?offset=&limit=`
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerOpportunitiesRequest {
    pub customer_id: String,
    pub page: crate::page::PageQuery,
}

pub fn detail_path(customer_id: &str) -> String {
    crate::endpoint::fill_route(DETAIL_ROUTE, &[customer_id])
}

/// Percent-encodes a path parameter (`/` as `%2F`, §1.12).
pub use crate::query::encode_component as encode_path_segment;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_omits_absent_filters() {
        let q = OpportunityQuery { stages: vec!["WON".into()], limit: Some(20), ..Default::default() };
        assert_eq!(serde_json::to_string(&q).unwrap(), r#"{"stages":["WON"],"limit":20}"#);
    }

    #[test]
    fn response_round_trip() {
        let body = r#"{"total_count":1,"visibility_scope":"OWN","customer_opportunities":[{
          "customer_id":"c1","account_name":"acme","customer":"Acme","association_type":"2",
          "associated_on":"2025-01-02T03:04:05Z","industry":"FINANCE","indirect_partner_id":null,
          "account_manager":{"account_name":"wang.fang","name":"王芳"},
          "opportunity":{"opportunity_id":"o1","name":"ERP","opportunity_type":"UPSELL","confidence":"HIGH",
            "stage":"NEGOTIATION","expected_monthly_revenue":12000.50,"measure_id":1,"currency":"CNY",
            "created_time":"2025-01-02T03:04:05Z","last_update_time":"2026-11-02T03:04:05Z"},
          "opportunity_count":2}]}"#;
        let r: OpportunityListResponse = serde_json::from_str(body).unwrap();
        let o = r.customer_opportunities[0].opportunity.as_ref().unwrap();
        assert_eq!(o.expected_monthly_revenue.with_currency(&o.currency), "CNY 12,000.50");
        let again = serde_json::to_string(&r).unwrap();
        assert!(again.contains(r#""expected_monthly_revenue":12000.50"#));
    }

    #[test]
    fn path_encoding() {
        assert_eq!(detail_path("a/b c"), "/v2/partners/sub-customers/a%2Fb%20c/opportunities");
    }
}
