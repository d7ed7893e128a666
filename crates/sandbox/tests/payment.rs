//! X2 assume_role and S10 balance payment (O5–O7): who gets a customer token, which routes take
//! which token, and paying an order once — under concurrency and injected faults.

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use partner_api::codes;
use partner_api::orders::order_status;
use sandbox::store::CustomerIx;
use serde_json::{json, Value};

const PAY: &str = "/v3/orders/customer-orders/pay";
const O5: &str = "/v2/orders/customer-orders/order-coupons";
const O6: &str = "/v2/orders/customer-orders/order-discounts";
const R2: &str = "/v2/accounts/partner-accounts/balances";

impl Env {
    async fn assume(&self, partner_token: &str, domain: &str, agency: &str) -> Resp {
        let body = serde_json::to_value(partner_api::auth::TokenRequest::assume_role(domain, agency)).unwrap();
        self.call(Method::POST, partner_api::auth::TOKEN_PATH, Some(partner_token), Some(body)).await
    }

    fn agency(&self) -> String {
        self.data().partners[self.partner(DIST)].xaccount_type.clone()
    }

    async fn customer_token(&self, partner_token: &str, c: CustomerIx) -> String {
        let r = self.assume(partner_token, &self.customer(c).account_name, &self.agency()).await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text);
        assert!(r["token"]["assumed_by"]["user"]["name"].is_string());
        r.header("x-subject-token").unwrap().to_string()
    }

    /// Pending-payment orders of the distributor's resale customers: (customer, order id).
    fn pending(&self) -> Vec<(CustomerIx, String)> {
        let data = self.data();
        data.orders
            .rows
            .iter()
            .filter(|r| r.status as i32 == order_status::PENDING_PAYMENT)
            .filter(|r| {
                let c = data.customer(r.customer);
                c.partner == self.partner(DIST) && c.association_type == "2"
            })
            .map(|r| (r.customer, r.order_id()))
            .collect()
    }

    async fn status_of(&self, partner_token: &str, order_id: &str) -> Value {
        let r = self.get(&format!("/v2/orders/customer-orders/details/{order_id}"), partner_token).await.ok();
        r["order_info"].clone()
    }

    async fn cash(&self, partner_token: &str) -> Amount {
        let r = self.get(R2, partner_token).await.ok();
        let cash = r["account_balances"].as_array().unwrap().iter().find(|a| a["account_type"] == 1).unwrap().clone();
        amount(&cash["amount"])
    }

    /// An order without a price adjustment (payable with no coupon and no discount).
    async fn plain_order(&self, ct_of: &dyn Fn(CustomerIx) -> bool, admin: &str) -> (CustomerIx, String, String) {
        for (c, id) in self.pending() {
            if !ct_of(c) {
                continue;
            }
            let ct = self.customer_token(admin, c).await;
            let d = self.get(&format!("{O6}?order_id={id}"), &ct).await.ok();
            if d["discounts"].as_array().unwrap().iter().all(|d| d["discount_type"] != 609) {
                return (c, id, ct);
            }
        }
        panic!("no plain pending order");
    }
}

use partner_api::Amount;

fn pay_body(order_id: &str) -> Value {
    json!({"order_id": order_id, "use_coupon": "NO", "use_discount": "NO"})
}

#[tokio::test]
async fn assume_role_grants_a_resale_customer_and_refuses_with_a_reason() {
    let env = env();
    let admin = env.token(DIST, "admin").await;
    let resale = env.customers_of(DIST, |c, _| c.association_type == "2");
    let referral = env.customers_of(DIST, |c, _| c.association_type == "1");
    let ct = env.customer_token(&admin, resale[0]).await;
    assert!(!ct.is_empty() && ct != admin);

    let r = env.assume(&admin, &env.customer(referral[0]).account_name, &env.agency()).await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, codes::AGENCY_NOT_FOUND), "{}", r.text);
    let r = env.assume(&admin, &env.customer(resale[0]).account_name, "someone_else").await;
    assert_eq!(r.code(), codes::AGENCY_NOT_FOUND);
    let r = env.assume(&admin, "no-such-account", &env.agency()).await;
    assert_eq!(r.code(), codes::AGENCY_NOT_FOUND);
    let r = env.assume("not-a-token", &env.customer(resale[0]).account_name, &env.agency()).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);

    // The customer's authorisation, as tests set it.
    let id = env.id(resale[1]);
    env.control("/__sandbox/act-for", json!({"customer_id": id, "state": "not_authorized"})).await.ok();
    let r = env.assume(&admin, &env.customer(resale[1]).account_name, &env.agency()).await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, codes::AGENCY_NOT_AUTHORIZED));
    env.control("/__sandbox/act-for", json!({"customer_id": id, "state": "expired"})).await.ok();
    assert_eq!(
        env.assume(&admin, &env.customer(resale[1]).account_name, &env.agency()).await.code(),
        codes::AGENCY_EXPIRED
    );
    env.control("/__sandbox/act-for", json!({"customer_id": id, "state": "granted"})).await.ok();
    assert_eq!(
        env.assume(&admin, &env.customer(resale[1]).account_name, &env.agency()).await.status,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn an_account_manager_acts_only_for_their_own_customers() {
    let env = env();
    let am = env.user(DIST, "li.na");
    let token = env.token(DIST, "li.na").await;
    let mine = env.customers_of(DIST, |c, _| c.association_type == "2" && c.account_manager == Some(am));
    let others = env.customers_of(DIST, |c, _| c.association_type == "2" && c.account_manager != Some(am));
    env.customer_token(&token, mine[0]).await;
    let r = env.assume(&token, &env.customer(others[0]).account_name, &env.agency()).await;
    assert_eq!(r.code(), codes::AGENCY_NOT_FOUND);
}

#[tokio::test]
async fn each_token_only_where_it_belongs() {
    let env = env();
    let admin = env.token(DIST, "admin").await;
    let (c, order, ct) = env.plain_order(&|_| true, &admin).await;
    // A customer token never calls partner APIs; the partner's never pays.
    let r = env.post("/v2/partners/sub-customers/query", &ct, json!({})).await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, codes::ACCESS_DENIED));
    let r = env.get(&format!("{O5}?order_id={order}"), &admin).await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, codes::ACCESS_DENIED));
    let r = env.post(PAY, &admin, pay_body(&order)).await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, codes::ACCESS_DENIED));
    // Another customer's order is not this customer's.
    let other = env.pending().into_iter().find(|(o, _)| *o != c).unwrap();
    assert_eq!(env.post(PAY, &ct, pay_body(&other.1)).await.code(), codes::PAY_INVALID_ORDER);
    assert_eq!(env.get(&format!("{O5}?order_id={}", other.1), &ct).await.code(), codes::PAY_INVALID_ORDER);
    // Withdrawing the authorisation revokes the token at once.
    env.control("/__sandbox/act-for", json!({"customer_id": env.id(c), "state": "not_authorized"})).await.ok();
    let r = env.get(&format!("{O5}?order_id={order}"), &ct).await;
    assert_eq!((r.status, r.code()), (StatusCode::UNAUTHORIZED, codes::TOKEN_INVALID));
}

#[tokio::test]
async fn paying_takes_the_balance_once_and_the_order_is_completed() {
    let env = env();
    let admin = env.token(DIST, "admin").await;
    let (_, order, ct) = env.plain_order(&|_| true, &admin).await;
    let before = env.cash(&admin).await;
    let info = env.status_of(&admin, &order).await;
    let due = amount(&info["amount_after_discount"]);
    assert_eq!(info["status"], order_status::PENDING_PAYMENT);

    let r = env.post(PAY, &ct, pay_body(&order)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    assert!(r.text.is_empty());
    let info = env.status_of(&admin, &order).await;
    assert_eq!(info["status"], order_status::COMPLETED);
    assert!(info["payment_time"].is_string());
    assert_eq!(env.cash(&admin).await, Amount(before.0 - due.0));
    // O1 shows it completed too, and no longer among the pending.
    let r = env.get(&format!("/v2/orders/customer-orders?order_id={order}"), &admin).await.ok();
    assert_eq!(r["order_infos"][0]["status"], order_status::COMPLETED);
    let r = env.get(&format!("/v2/orders/customer-orders?order_id={order}&status=6"), &admin).await.ok();
    assert_eq!(r["total_count"], 0);

    let r = env.post(PAY, &ct, pay_body(&order)).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::PAY_ORDER_STATUS_CHANGED));
    assert_eq!(env.cash(&admin).await, Amount(before.0 - due.0));
}

#[tokio::test]
async fn two_tabs_paying_one_order_pay_it_once() {
    let env = env();
    let admin = env.token(DIST, "admin").await;
    let (c, order, ct) = env.plain_order(&|_| true, &admin).await;
    let ct2 = env.customer_token(&admin, c).await;
    let before = env.cash(&admin).await;
    let due = amount(&env.status_of(&admin, &order).await["amount_after_discount"]);
    let (a, b) = tokio::join!(env.post(PAY, &ct, pay_body(&order)), env.post(PAY, &ct2, pay_body(&order)));
    let oks = [&a, &b].iter().filter(|r| r.status == StatusCode::OK).count();
    assert_eq!(oks, 1, "{a:?} / {b:?}");
    assert!([&a, &b].iter().any(|r| r.code() == codes::PAY_ORDER_STATUS_CHANGED));
    assert_eq!(env.cash(&admin).await, Amount(before.0 - due.0));
}

#[tokio::test]
async fn a_lost_answer_leaves_the_order_paid() {
    let env = env();
    let admin = env.token(DIST, "admin").await;
    let (_, order, ct) = env.plain_order(&|_| true, &admin).await;
    let before = env.cash(&admin).await;
    let due = amount(&env.status_of(&admin, &order).await["amount_after_discount"]);
    env.control("/__sandbox/faults", json!({"fail_next": [{"kind": "commit_then_fail", "path_prefix": PAY}]})).await;
    let r = env.post(PAY, &ct, pay_body(&order)).await;
    assert_eq!(r.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(env.status_of(&admin, &order).await["status"], order_status::COMPLETED);
    assert_eq!(env.post(PAY, &ct, pay_body(&order)).await.code(), codes::PAY_ORDER_STATUS_CHANGED);
    assert_eq!(env.cash(&admin).await, Amount(before.0 - due.0));
}

#[tokio::test]
async fn coupons_and_discounts_follow_the_payment_rules() {
    let env = env();
    let admin = env.token(DIST, "admin").await;
    // An order with a price adjustment must be paid with it.
    let mut checked_adjustment = false;
    for (c, id) in env.pending().into_iter().take(60) {
        let ct = env.customer_token(&admin, c).await;
        let d = env.get(&format!("{O6}?order_id={id}"), &ct).await.ok();
        let Some(adj) = d["discounts"].as_array().unwrap().iter().find(|d| d["discount_type"] == 609).cloned() else {
            continue;
        };
        assert_eq!(env.post(PAY, &ct, pay_body(&id)).await.code(), codes::PAY_DISCOUNT_NOT_APPLICABLE);
        let due = amount(&env.status_of(&admin, &id).await["amount_after_discount"]);
        let off = amount(&adj["orders"][0]["order_line_items"][0]["discount_amount"]);
        assert!(off.is_positive() && off < due);
        let before = env.cash(&admin).await;
        let body = json!({"order_id": id, "use_coupon": "NO", "use_discount": "YES",
            "discount_infos": [{"id": adj["discount_id"], "type": 609}]});
        env.post(PAY, &ct, body).await.ok();
        assert_eq!(env.cash(&admin).await, Amount(before.0 - (due.0 - off.0)));
        checked_adjustment = true;
        break;
    }
    assert!(checked_adjustment, "no seeded order with a price adjustment among the first 60");
    // A malformed body names its field.
    let (_, order, ct) = env.plain_order(&|_| true, &admin).await;
    env.post(PAY, &ct, json!({"order_id": order, "use_coupon": "YES", "use_discount": "NO"}))
        .await
        .names("coupon_infos");
    let r = env
        .post(
            PAY,
            &ct,
            json!({"order_id": order, "use_coupon": "YES", "use_discount": "NO",
        "coupon_infos": [{"id": "nope", "type": 301}]}),
        )
        .await;
    assert_eq!(r.code(), codes::PARAM_ERROR);
    let r = env.get(&format!("{O5}?order_id={order}"), &ct).await.ok();
    assert!(r["coupon_max_use_quantity"].as_array().is_some_and(|m| !m.is_empty()));
}
