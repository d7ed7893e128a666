//! R1 ListIndirectPartners — `POST /v2/partners/indirect-partners/query` (PARTNER_API.md §3;
//! tier-1 token only).

use crate::coupons::MAX_ID_LEN;
use crate::page::PageRequest;
use crate::time::Instant;
use crate::validate::{bounded_time_pair, max_len, text_opt, Violation};
use serde::{Deserialize, Serialize};

pub const LIST_PATH: &str = "/v2/partners/indirect-partners/query";

/// R1 body; absent fields are omitted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListIndirectPartnersRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub associated_on_begin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub associated_on_end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indirect_partner_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
}

/// R1 filters after validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndirectPartnerFilter {
    pub associated_on: (Option<Instant>, Option<Instant>),
    pub page: PageRequest,
}

impl ListIndirectPartnersRequest {
    pub fn check(&self) -> Result<IndirectPartnerFilter, Violation> {
        max_len("account_name", self.account_name.as_deref(), MAX_ID_LEN)?;
        let associated_on = bounded_time_pair(
            "associated_on_begin",
            self.associated_on_begin.as_deref(),
            "associated_on_end",
            self.associated_on_end.as_deref(),
        )?;
        text_opt("indirect_partner_id", self.indirect_partner_id.as_deref(), MAX_ID_LEN)?;
        let page = PageRequest::from_raw(self.offset, self.limit)?;
        Ok(IndirectPartnerFilter { associated_on, page })
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListIndirectPartnersResponse {
    /// R1 names its total `count`.
    #[serde(default)]
    pub count: Option<u64>,
    #[serde(default)]
    pub indirect_partners: Vec<IndirectPartner>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndirectPartner {
    pub indirect_partner_id: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub account_name: Option<String>,
    #[serde(default)]
    pub mobile_phone: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub associated_on: Option<Instant>,
    /// The account manager's login name.
    #[serde(default)]
    pub account_manager_id: Option<String>,
    #[serde(default)]
    pub account_manager_name: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_and_validation() {
        let r =
            ListIndirectPartnersRequest { account_name: Some("cloud".into()), limit: Some(100), ..Default::default() };
        assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"account_name":"cloud","limit":100}"#);
        assert!(r.check().is_ok());
        let bad = |r: ListIndirectPartnersRequest| r.check().unwrap_err().parameter;
        assert_eq!(bad(ListIndirectPartnersRequest { limit: Some(0), ..Default::default() }), "limit");
        assert_eq!(bad(ListIndirectPartnersRequest { offset: Some(40_000_001), ..Default::default() }), "offset");
        assert_eq!(
            bad(ListIndirectPartnersRequest {
                associated_on_end: Some("2026-13-01T00:00:00Z".into()),
                ..Default::default()
            }),
            "associated_on_end"
        );
        assert_eq!(
            bad(ListIndirectPartnersRequest { account_name: Some("a".repeat(65)), ..Default::default() }),
            "account_name"
        );
    }

    #[test]
    fn documented_response_parses() {
        let body = r#"{"count":1,"indirect_partners":[{"indirect_partner_id":"r1","name":"云桥信息技术有限公司",
          "account_name":"cloudbridge_it","mobile_phone":"138****0001","email":"o***@cloudbridge.cn",
          "associated_on":"2024-03-01T02:00:00Z","account_manager_id":"li.na","account_manager_name":"李娜"}]}"#;
        let r: ListIndirectPartnersResponse = serde_json::from_str(body).unwrap();
        assert_eq!(r.count, Some(1));
        assert_eq!(r.indirect_partners[0].account_manager_id.as_deref(), Some("li.na"));
        assert_eq!(serde_json::to_value(&r).unwrap()["indirect_partners"][0]["associated_on"], "2024-03-01T02:00:00Z");
    }
}
