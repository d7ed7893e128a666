//! C1 ListSubCustomers — `POST /v2/partners/sub-customers/query` (PARTNER_API.md §2).

use crate::time::Instant;
use serde::{Deserialize, Serialize};

pub const LIST_PATH: &str = "/v2/partners/sub-customers/query";

/// Request body. Absent (None) fields are not filters; they are omitted on the wire.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListSubCustomersRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub association_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub associated_on_begin: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub associated_on_end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indirect_partner_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ListSubCustomersResponse {
    /// C1 names its total `count` (not `total_count`).
    #[serde(default)]
    pub count: Option<u64>,
    #[serde(default)]
    pub customer_infos: Vec<CustomerInformation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerInformation {
    pub customer_id: String,
    pub account_name: String,
    #[serde(default)]
    pub customer: Option<String>,
    #[serde(default, with = "crate::time::wire_opt")]
    pub associated_on: Option<Instant>,
    #[serde(default)]
    pub association_type: Option<String>,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub telephone: Option<String>,
    #[serde(default)]
    pub country_code: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub verified_status: Option<String>,
    #[serde(default)]
    pub customer_type: Option<i32>,
    /// An int in C1 (a string in V3/V6).
    #[serde(default)]
    pub is_frozen: Option<i32>,
    #[serde(default)]
    pub account_managers: Vec<AccountManagerRef>,
    #[serde(default)]
    pub xaccount_id: Option<String>,
    #[serde(default)]
    pub xaccount_type: Option<String>,
    #[serde(default)]
    pub customer_level: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountManagerRef {
    pub account_name: String,
}

/// Association types: CN `1` referral, `2` resale; intl `1` referral, `3` reseller.
pub const ASSOCIATION_TYPES: &[&str] = &["1", "2", "3"];

/// Named [`ASSOCIATION_TYPES`].
pub mod association_type {
    /// 顾问销售: the customer pays the provider; no partner-funded account.
    pub const REFERRAL: &str = "1";
    /// 代售 (CN): the partner funds the customer's account (A1–A4).
    pub const RESALE: &str = "2";
    /// Reseller (intl).
    pub const INTL_RESELLER: &str = "3";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_filters_are_omitted() {
        let r = ListSubCustomersRequest { offset: Some(0), limit: Some(100), ..Default::default() };
        assert_eq!(serde_json::to_string(&r).unwrap(), r#"{"offset":0,"limit":100}"#);
    }

    #[test]
    fn documented_response_parses() {
        let body = r#"{"count":1,"customer_infos":[{"customer_id":"0a1b","account_name":"acme_dev",
          "customer":"上海某某科技有限公司","associated_on":"2019-05-06T08:05:01Z","association_type":"2",
          "label":"VIP","telephone":"138****0000","country_code":"0086","email":"a***@acme.cn",
          "verified_status":"2","customer_type":1,"is_frozen":0,
          "account_managers":[{"account_name":"li.na"}],"xaccount_id":"x1","xaccount_type":"partner_x",
          "customer_level":"V3","unknown_future_field":true}]}"#;
        let r: ListSubCustomersResponse = serde_json::from_str(body).unwrap();
        assert_eq!(r.count, Some(1));
        let c = &r.customer_infos[0];
        assert_eq!(c.is_frozen, Some(0));
        assert_eq!(c.account_managers[0].account_name, "li.na");
        assert_eq!(crate::time::to_wire(c.associated_on.as_ref().unwrap()), "2019-05-06T08:05:01Z");
    }
}
