//! R2 ListPartnerBalances (the partner's own accounts) and A4 ListCustomersBalancesDetail
//! (resale customers' balances).

use super::{account_type, MAX_CUSTOMERS, MAX_ID_LEN};
use crate::money::Amount;
use crate::validate::{no_duplicates, required_text, text_opt, Violation};
use serde::{Deserialize, Serialize};

// ---- R2 ListPartnerBalances ----

crate::query_params! {
    /// R2 query: a tier-1 passes its reseller's id; a reseller reads its own without it.
    pub struct ListPartnerBalancesRequest {
        pub indirect_partner_id: Option<String>,
    }
}

impl ListPartnerBalancesRequest {
    pub fn check(&self) -> Result<(), Violation> {
        text_opt("indirect_partner_id", self.indirect_partner_id.as_deref(), MAX_ID_LEN)
    }
}

/// One account of the partner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountBalance {
    pub account_id: String,
    /// One of [`account_type`].
    pub account_type: i32,
    /// The balance (for credit: the credit still available).
    pub amount: Amount,
    pub currency: String,
    /// 专款专用: the part of `amount` reserved for designated use (not allocatable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub designated_amount: Option<Amount>,
    /// Only for [`account_type::CREDIT`]: the credit limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_amount: Option<Amount>,
    pub measure_id: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memo: Option<String>,
}

impl AccountBalance {
    /// What A1 may allocate from this account: `amount − designated_amount` (never below 0).
    pub fn allocatable(&self) -> Amount {
        let a = self.amount.0 - self.designated_amount.unwrap_or_default().0;
        Amount(a.max(rust_decimal::Decimal::ZERO))
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListPartnerBalancesResponse {
    #[serde(default)]
    pub account_balances: Vec<AccountBalance>,
}

impl ListPartnerBalancesResponse {
    /// The account of one type, if the partner has it.
    pub fn account(&self, account_type: i32) -> Option<&AccountBalance> {
        self.account_balances.iter().find(|a| a.account_type == account_type)
    }

    /// What A1 may allocate now: the cash account's `amount − designated_amount`.
    pub fn allocatable(&self) -> Amount {
        self.account(account_type::CASH).map(AccountBalance::allocatable).unwrap_or_default()
    }
}

// ---- A4 ListCustomersBalancesDetail ----

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerInfo {
    #[serde(default)]
    pub customer_id: String,
}

/// A4 body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListCustomersBalancesDetailRequest {
    #[serde(default)]
    pub customer_infos: Vec<CustomerInfo>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indirect_partner_id: Option<String>,
}

impl ListCustomersBalancesDetailRequest {
    pub fn of(customer_ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        let customer_infos = customer_ids.into_iter().map(|id| CustomerInfo { customer_id: id.into() }).collect();
        Self { customer_infos, indirect_partner_id: None }
    }

    pub fn check(&self) -> Result<(), Violation> {
        if self.customer_infos.is_empty() {
            return Err(Violation::new("customer_infos", "is required"));
        }
        if self.customer_infos.len() > MAX_CUSTOMERS {
            return Err(Violation::new("customer_infos", format!("must have at most {MAX_CUSTOMERS} items")));
        }
        for c in &self.customer_infos {
            required_text("customer_infos.customer_id", &c.customer_id, MAX_ID_LEN)?;
        }
        let ids: Vec<String> = self.customer_infos.iter().map(|c| c.customer_id.clone()).collect();
        no_duplicates("customer_infos.customer_id", &ids)?;
        text_opt("indirect_partner_id", self.indirect_partner_id.as_deref(), MAX_ID_LEN)
    }
}

/// One resale customer's balance.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerBalance {
    pub customer_id: String,
    /// Available balance.
    pub amount: Amount,
    #[serde(default)]
    pub debt_amount: Amount,
    pub currency: String,
    pub measure_id: i32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListCustomersBalancesDetailResponse {
    /// Non-resale customers are left out silently.
    #[serde(default)]
    pub customer_balances: Vec<CustomerBalance>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::MEASURE_YUAN;

    fn cash(amount: &str, designated: Option<&str>) -> AccountBalance {
        AccountBalance {
            account_id: "a".into(),
            account_type: account_type::CASH,
            amount: Amount::parse(amount).unwrap(),
            currency: "CNY".into(),
            designated_amount: designated.map(|d| Amount::parse(d).unwrap()),
            credit_amount: None,
            measure_id: MEASURE_YUAN,
            memo: None,
        }
    }

    #[test]
    fn r2_query_and_check() {
        let r = ListPartnerBalancesRequest { indirect_partner_id: Some("abc".into()) };
        assert_eq!(r.to_query_string(), "indirect_partner_id=abc");
        assert!(r.check().is_ok());
        let r = ListPartnerBalancesRequest { indirect_partner_id: Some("x".repeat(65)) };
        assert_eq!(r.check().unwrap_err().parameter, "indirect_partner_id");
        assert!(ListPartnerBalancesRequest::default().to_query_string().is_empty());
    }

    #[test]
    fn allocatable_is_amount_minus_designated() {
        assert_eq!(cash("1286400.00", Some("86400.00")).allocatable(), Amount::from_cents(120_000_000));
        assert_eq!(cash("10.00", None).allocatable(), Amount::from_cents(1000));
        assert_eq!(cash("10.00", Some("20.00")).allocatable(), Amount::ZERO);
        let r = ListPartnerBalancesResponse { account_balances: vec![cash("5.00", Some("1.00"))] };
        assert_eq!(r.allocatable(), Amount::from_cents(400));
        assert_eq!(ListPartnerBalancesResponse::default().allocatable(), Amount::ZERO);
    }

    #[test]
    fn r2_answer_reads_amounts_as_numbers() {
        let json = r#"{"account_balances":[{"account_id":"1","account_type":2,"amount":380000.00,
            "currency":"CNY","credit_amount":500000.00,"measure_id":1}]}"#;
        let r: ListPartnerBalancesResponse = serde_json::from_str(json).unwrap();
        let credit = r.account(account_type::CREDIT).unwrap();
        assert_eq!(credit.credit_amount, Some(Amount::from_cents(50_000_000)));
        assert!(serde_json::to_value(credit).unwrap()["amount"].is_number());
    }

    #[test]
    fn a4_check() {
        assert_eq!(ListCustomersBalancesDetailRequest::default().check().unwrap_err().parameter, "customer_infos");
        assert!(ListCustomersBalancesDetailRequest::of(["a", "b"]).check().is_ok());
        let dup = ListCustomersBalancesDetailRequest::of(["a", "a"]);
        assert_eq!(dup.check().unwrap_err().parameter, "customer_infos.customer_id");
        let many = ListCustomersBalancesDetailRequest::of((0..101).map(|i| i.to_string()));
        assert_eq!(many.check().unwrap_err().parameter, "customer_infos");
        let empty = ListCustomersBalancesDetailRequest::of([""]);
        assert_eq!(empty.check().unwrap_err().reason, "is required");
        let body = serde_json::to_string(&ListCustomersBalancesDetailRequest::of(["c1"])).unwrap();
        assert_eq!(body, r#"{"customer_infos":[{"customer_id":"c1"}]}"#);
    }
}
