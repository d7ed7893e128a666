//! X2 acting for a customer (PARTNER_API.md §1.4; docs/contracts/act-for-customer.md): a
//! customer token obtained with assume_role, used only on the endpoints that need the
//! customer's credentials ([`crate::endpoint::Endpoint::CUSTOMER_TOKEN`]), never on the
//! partner's own calls.

use crate::codes;
use crate::customers::CustomerInformation;
use crate::time::Instant;

/// What assume_role needs to know about a customer: their account (IAM domain) name and the
/// agency they created for this partner, named by the partner's platform id (`xaccount_type`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agency {
    pub customer_id: String,
    pub customer_name: String,
    pub domain_name: String,
    pub agency_name: String,
}

impl Agency {
    /// From a C1 row; `None` when C1 does not give the account name or platform id.
    pub fn of(c: &CustomerInformation) -> Option<Agency> {
        let domain_name = Some(c.account_name.clone()).filter(|s| !s.is_empty())?;
        let agency_name = c.xaccount_type.clone().filter(|s| !s.is_empty())?;
        let customer_name = c.customer.clone().filter(|s| !s.is_empty()).unwrap_or_else(|| domain_name.clone());
        Some(Agency { customer_id: c.customer_id.clone(), customer_name, domain_name, agency_name })
    }
}

/// Why assume_role refused, by the code it answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No agency for this partner (referral customers, customers of another partner).
    NoAgency,
    /// The customer has not granted the act-for-customer authorisation (or withdrew it).
    NotAuthorized,
    /// The authorisation has expired.
    Expired,
}

impl Refusal {
    pub fn of_code(code: &str) -> Option<Refusal> {
        match code {
            codes::AGENCY_NOT_FOUND => Some(Refusal::NoAgency),
            codes::AGENCY_NOT_AUTHORIZED => Some(Refusal::NotAuthorized),
            codes::AGENCY_EXPIRED => Some(Refusal::Expired),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Refusal::NoAgency => codes::AGENCY_NOT_FOUND,
            Refusal::NotAuthorized => codes::AGENCY_NOT_AUTHORIZED,
            Refusal::Expired => codes::AGENCY_EXPIRED,
        }
    }
}

/// Below this much time left, a customer token is not used to start a payment: it could
/// expire between the choice and the call.
pub const MIN_SECONDS_LEFT: i64 = 60;

/// Whether a token expiring at `expires_at` may start a call at `now`.
pub fn usable(expires_at: Instant, now: Instant) -> bool {
    (expires_at - now).num_seconds() >= MIN_SECONDS_LEFT
}

/// Whole minutes left (for "expires in 12 min"), never negative.
pub fn minutes_left(expires_at: Instant, now: Instant) -> i64 {
    (expires_at - now).num_minutes().max(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone, Utc};

    #[test]
    fn agency_from_a_customer_row() {
        let row: CustomerInformation = serde_json::from_str(
            r#"{"customer_id":"c1","account_name":"acme","customer":"Acme Ltd.","xaccount_type":"hz_platform"}"#,
        )
        .unwrap();
        let a = Agency::of(&row).unwrap();
        assert_eq!(
            (a.domain_name.as_str(), a.agency_name.as_str(), a.customer_name.as_str()),
            ("acme", "hz_platform", "Acme Ltd.")
        );
        let bare: CustomerInformation = serde_json::from_str(r#"{"customer_id":"c1","account_name":"acme"}"#).unwrap();
        assert_eq!(Agency::of(&bare), None);
    }

    #[test]
    fn refusals_by_code() {
        for r in [Refusal::NoAgency, Refusal::NotAuthorized, Refusal::Expired] {
            assert_eq!(Refusal::of_code(r.code()), Some(r));
        }
        assert_eq!(Refusal::of_code(codes::ACCESS_DENIED), None);
    }

    #[test]
    fn a_token_near_its_end_does_not_start_a_call() {
        let now = Utc.with_ymd_and_hms(2026, 11, 20, 0, 0, 0).unwrap();
        assert!(usable(now + Duration::minutes(5), now));
        assert!(!usable(now + Duration::seconds(59), now));
        assert_eq!(minutes_left(now + Duration::seconds(150), now), 2);
        assert_eq!(minutes_left(now - Duration::seconds(5), now), 0);
    }
}
