//! R2 partner balances and A1–A5 customer funds through the router (docs/sandbox.md
//! "Customer funds").

mod common;

use axum::http::StatusCode;
use common::*;
use partner_api::codes;

pub const R2: &str = "/v2/accounts/partner-accounts/balances";

#[tokio::test]
async fn r2_distributor_reads_its_own_and_a_resellers_balances() {
    let e = env();
    let t = e.token(DIST, "admin").await;
    let r = e.get(R2, &t).await.ok();
    let rows = r["account_balances"].as_array().unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0]["account_type"].as_i64(), amount(&rows[0]["amount"])), (Some(1), cents(128_640_000)));
    assert_eq!(amount(&rows[0]["designated_amount"]), cents(8_640_000));
    assert_eq!((rows[1]["account_type"].as_i64(), amount(&rows[1]["credit_amount"])), (Some(2), cents(50_000_000)));
    assert_eq!(rows[0]["currency"], "CNY");
    assert!(rows[0].get("credit_amount").is_none());

    let cb = e.partner_id(CLOUDBRIDGE);
    let r = e.get(&format!("{R2}?indirect_partner_id={cb}"), &t).await.ok();
    assert_eq!(amount(&r["account_balances"][0]["amount"]), cents(18_652_000));
    // Not its reseller (itself, or unknown).
    let own = e.partner_id(DIST);
    let r = e.get(&format!("{R2}?indirect_partner_id={own}"), &t).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::NO_RESELLER_PERMISSION));
    let r = e.get(&format!("{R2}?indirect_partner_id="), &t).await;
    r.names("indirect_partner_id");
}

#[tokio::test]
async fn r2_reseller_reads_its_own_only_and_service_partners_are_refused() {
    let e = env();
    let t = e.token(CLOUDBRIDGE, "admin").await;
    let r = e.get(R2, &t).await.ok();
    assert_eq!(amount(&r["account_balances"][0]["amount"]), cents(18_652_000));
    let other = e.partner_id("deepblue_data");
    let r = e.get(&format!("{R2}?indirect_partner_id={other}"), &t).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::NO_RESELLER_PERMISSION));
    let t = e.token("nimbus_solutions", "admin").await;
    assert_eq!(e.get(R2, &t).await.ok()["account_balances"][0]["currency"], "USD");
    let t = e.token(SERVICE, "admin").await;
    assert_eq!(e.get(R2, &t).await.sc(), (StatusCode::FORBIDDEN, codes::ACCESS_DENIED));
}

#[tokio::test]
async fn r2_shows_a_balance_payment() {
    let e = env();
    let p = e.partner(DIST);
    let at = e.state.vouchers.now();
    e.state.accounts.pay_order(p, cents(640_000), "CS2611200101ABCDE", at).unwrap();
    let t = e.token(DIST, "li.na").await;
    let r = e.get(R2, &t).await.ok();
    assert_eq!(amount(&r["account_balances"][0]["amount"]), cents(128_000_000));
}
