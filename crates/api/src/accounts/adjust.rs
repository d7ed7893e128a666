//! A1 UpdateCustomerAccountAmount (allocate: partner cash → a resale customer) and A2
//! ReclaimToPartnerAccount (reclaim: the customer's balance → partner cash). Both take the same
//! body and are checked the same way, so the app checks at the field what the sandbox refuses.

use super::MAX_ID_LEN;
use crate::money::Amount;
use crate::validate::{amount, required_text, text_opt, Violation};
use serde::{Deserialize, Serialize};

/// The shared rules of an A1/A2 body: `customer_id` required (≤ 64), `amount` > 0 with at most
/// 2 decimals, `indirect_partner_id` (a tier-1 acting for its reseller) not empty, ≤ 64.
fn check_move(customer_id: &str, a: Amount, indirect_partner_id: Option<&str>) -> Result<Amount, Violation> {
    required_text("customer_id", customer_id, MAX_ID_LEN)?;
    let a = amount("amount", a)?;
    text_opt("indirect_partner_id", indirect_partner_id, MAX_ID_LEN)?;
    Ok(a)
}

/// A1 body: allocate `amount` from the partner's (or, with `indirect_partner_id`, the
/// reseller's) cash account to the customer. At most `amount − designated_amount` of R2.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateCustomerAccountAmountRequest {
    #[serde(default)]
    pub customer_id: String,
    #[serde(default)]
    pub amount: Amount,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indirect_partner_id: Option<String>,
}

impl UpdateCustomerAccountAmountRequest {
    /// The amount to move, or the first invalid parameter (400 `CBC.0100`).
    pub fn check(&self) -> Result<Amount, Violation> {
        check_move(&self.customer_id, self.amount, self.indirect_partner_id.as_deref())
    }
}

/// A1 answer (success only).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateCustomerAccountAmountResponse {
    /// The transfer; A3's `trans_id` of the record it wrote.
    #[serde(default)]
    pub transfer_id: String,
}

/// A2 body: reclaim `amount` (≤ the customer's balance) to the partner's cash account.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReclaimToPartnerAccountRequest {
    #[serde(default)]
    pub customer_id: String,
    #[serde(default)]
    pub amount: Amount,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indirect_partner_id: Option<String>,
}

impl ReclaimToPartnerAccountRequest {
    /// The amount to move, or the first invalid parameter (400 `CBC.0100`).
    pub fn check(&self) -> Result<Amount, Violation> {
        check_move(&self.customer_id, self.amount, self.indirect_partner_id.as_deref())
    }
}

/// A2 answer (success only).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReclaimToPartnerAccountResponse {
    /// ≤ 128 characters, e.g. `RE2007030833010000eb`; A3's `trans_id` of the record.
    #[serde(default)]
    pub trans_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a1(id: &str, amount: &str) -> UpdateCustomerAccountAmountRequest {
        UpdateCustomerAccountAmountRequest {
            customer_id: id.into(),
            amount: Amount::parse(amount).unwrap(),
            indirect_partner_id: None,
        }
    }

    #[test]
    fn bodies_are_numbers_and_leave_out_absent_reseller() {
        assert_eq!(serde_json::to_string(&a1("c1", "100.50")).unwrap(), r#"{"customer_id":"c1","amount":100.50}"#);
        let a2 = ReclaimToPartnerAccountRequest {
            customer_id: "c1".into(),
            amount: Amount::from_cents(1),
            indirect_partner_id: Some("r1".into()),
        };
        assert_eq!(
            serde_json::to_string(&a2).unwrap(),
            r#"{"customer_id":"c1","amount":0.01,"indirect_partner_id":"r1"}"#
        );
    }

    #[test]
    fn check_names_the_parameter() {
        assert_eq!(a1("c1", "1E+2").check().unwrap(), Amount::from_cents(10_000));
        assert_eq!(a1("", "1").check().unwrap_err().parameter, "customer_id");
        assert_eq!(a1(&"x".repeat(65), "1").check().unwrap_err().parameter, "customer_id");
        assert_eq!(a1("c1", "0").check().unwrap_err().message(), "parameter 'amount' must be greater than 0");
        assert_eq!(a1("c1", "-5").check().unwrap_err().parameter, "amount");
        assert_eq!(a1("c1", "1.005").check().unwrap_err().reason, "must have at most 2 decimals");
        let mut r = a1("c1", "1");
        r.indirect_partner_id = Some(String::new());
        assert_eq!(r.check().unwrap_err().parameter, "indirect_partner_id");
        let r2 = ReclaimToPartnerAccountRequest { customer_id: "c".into(), ..Default::default() };
        assert_eq!(r2.check().unwrap_err().parameter, "amount");
    }

    #[test]
    fn answers_parse() {
        let r: UpdateCustomerAccountAmountResponse = serde_json::from_str(r#"{"transfer_id":"TR1"}"#).unwrap();
        assert_eq!(r.transfer_id, "TR1");
        let r: ReclaimToPartnerAccountResponse =
            serde_json::from_str(r#"{"trans_id":"RE2007030833010000eb"}"#).unwrap();
        assert_eq!(r.trans_id, "RE2007030833010000eb");
    }
}
