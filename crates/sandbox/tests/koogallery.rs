//! S12 KooGallery price adjustment: the 严选 gate per partner, who sees which orders, every
//! refusal of a price change with its code, a change seen in the orders and the records, the
//! stale-price conflict (also between two concurrent changes), lapsing pending orders and the
//! injected faults around a change.

mod common;

use axum::http::StatusCode;
use common::{amount, cents, env, Env, CLOUDBRIDGE, DIST, SERVICE};
use partner_api::codes;
use serde_json::{json, Value};

const SELECTION: &str = "/v2/partners/koogallery/selection";
const ORDERS: &str = "/v2/partners/koogallery/orders";
const ADJUST: &str = "/v2/partners/koogallery/orders/price-adjust";
const RECORDS: &str = "/v2/partners/koogallery/price-adjust-records";
const DEEPBLUE: &str = "deepblue_data";
const NIMBUS: &str = "nimbus_solutions";

impl Env {
    async fn admin(&self, account: &str) -> String {
        self.token(account, "admin").await
    }

    async fn order(&self, token: &str, id: &str) -> Value {
        let r = self.get(&format!("{ORDERS}?order_id={id}"), token).await.ok();
        assert_eq!(r["total_count"], 1, "{id}: {r}");
        r["orders"][0].clone()
    }

    /// The IAM name of the account manager of an order's customer, if any.
    fn manager_of(&self, order: &Value) -> Option<String> {
        let c = self.data().customer_by_id[order["customer_id"].as_str().unwrap()];
        self.customer(c).account_manager.map(|u| self.data().users[u].name.clone())
    }

    /// A pending order of the distributor whose customer has an account manager: (order, manager).
    async fn managed_pending(&self, token: &str) -> (Value, String) {
        let rows = self.all(token, &format!("{ORDERS}?status=PENDING_PAYMENT"), "orders").await;
        rows.into_iter()
            .filter(|o| o["adjusted_times"] == 0)
            .find_map(|o| self.manager_of(&o).map(|m| (o, m)))
            .expect("a pending order with an account manager")
    }

    async fn adjust(&self, token: &str, body: Value) -> common::Resp {
        self.post(ADJUST, token, body).await
    }
}

fn change(order_id: &str, new_amount: &str, expected: Option<&str>) -> Value {
    let mut body = json!({"order_id": order_id, "reason": "  年底促销 Year-end offer  "});
    body["new_amount"] = serde_json::from_str(new_amount).unwrap();
    if let Some(e) = expected {
        body["expected_amount"] = serde_json::from_str(e).unwrap();
    }
    body
}

#[tokio::test]
async fn selection_per_partner() {
    let e = env();
    for (account, selected, reason) in [
        (DIST, true, None),
        (CLOUDBRIDGE, true, None),
        (DEEPBLUE, false, Some("NOT_SELECTED")),
        (NIMBUS, false, Some("INTL_SITE")),
        (SERVICE, false, Some("SERVICE_PARTNER")),
        ("yunqi_services", false, Some("SERVICE_PARTNER")),
        ("anxin_ops", false, Some("SERVICE_PARTNER")),
    ] {
        let r = e.get(SELECTION, &e.admin(account).await).await.ok();
        assert_eq!(r["selected"], selected, "{account}");
        assert_eq!(r["reason_code"].as_str(), reason, "{account}");
        assert_eq!(r["since"].is_string(), selected, "{account}");
    }
    let r = e.get(SELECTION, &e.admin(DIST).await).await.ok();
    assert_eq!(r["since"], "2025-04-01T00:00:00Z");
    let r = e.get(SELECTION, &e.token(DEEPBLUE, "ma.chao").await).await.ok();
    assert_eq!(r["contact"], json!({"name": "罗佳", "email": "luo.jia@koogallery.example.com"}), "every role reads");
    assert!(e.get(SELECTION, &e.admin(NIMBUS).await).await.ok()["contact"].is_null());
    assert!(e.get(SELECTION, &e.admin(SERVICE).await).await.ok()["contact"].is_null());
}

#[tokio::test]
async fn a_partner_not_selected_gets_nothing_else() {
    let e = env();
    for account in [DEEPBLUE, NIMBUS, SERVICE] {
        let t = e.admin(account).await;
        let refused = (StatusCode::FORBIDDEN, codes::KOO_NOT_SELECTED);
        assert_eq!(e.get(ORDERS, &t).await.sc(), refused, "{account}");
        assert_eq!(e.get(RECORDS, &t).await.sc(), refused, "{account}");
        assert_eq!(e.adjust(&t, change("KGDB0001", "1", None)).await.sc(), refused, "{account}");
        // Whatever the parameters: the gate comes first.
        assert_eq!(e.get(&format!("{ORDERS}?status=NOPE"), &t).await.sc(), refused, "{account}");
    }
    // Deepblue's orders exist, and stay untouched.
    assert!(e.state.koogallery.order_ids(e.partner(DEEPBLUE)).contains(&"KGDB0001".to_string()));
}

#[tokio::test]
async fn orders_of_the_partners_own_customers_in_every_status() {
    let e = env();
    let t = e.admin(DIST).await;
    let rows = e.all(&t, ORDERS, "orders").await;
    assert!(rows.len() >= 10, "{}", rows.len());
    assert!(rows.iter().all(|o| o["order_id"].as_str().unwrap().starts_with("KGHZ")), "no reseller's orders");
    for s in ["PENDING_PAYMENT", "PAID", "CANCELLED", "CLOSED"] {
        assert!(rows.iter().any(|o| o["status"] == s), "{s}");
    }
    let times: Vec<&str> = rows.iter().map(|o| o["created_time"].as_str().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "newest first");
    assert!(rows.iter().all(|o| o["currency"] == "CNY" && o["measure_id"] == 1));

    let lapsed = e.order(&t, "KGHZ0007").await;
    assert_eq!(lapsed["status"], "CLOSED", "a lapsed pending order is closed");
    assert!(lapsed["expire_time"].as_str().unwrap() < "2026-11-20T00:00:00Z");
    let cut = e.order(&t, "kghz0005").await;
    assert_eq!((cut["status"].as_str(), cut["adjusted_times"].as_u64()), (Some("PENDING_PAYMENT"), Some(1)));
    assert!(amount(&cut["amount"]) < amount(&cut["original_amount"]));
    assert!(cut["last_adjusted_time"].is_string());
    let first = e.order(&t, "KGHZ0001").await;
    assert_eq!(amount(&first["amount"]), amount(&first["original_amount"]));
    assert!(first["product_name"].is_string() && first["seller_name"].is_string() && first["spec_desc"].is_string());

    let pending = e.all(&t, &format!("{ORDERS}?status=PENDING_PAYMENT"), "orders").await;
    assert!(pending.iter().all(|o| o["status"] == "PENDING_PAYMENT"));
    assert!(!pending.iter().any(|o| o["order_id"] == "KGHZ0007"));
    let customer = first["customer_id"].as_str().unwrap();
    let mine = e.get(&format!("{ORDERS}?customer_id={customer}&limit=100"), &t).await.ok();
    assert!(mine["orders"].as_array().unwrap().iter().all(|o| o["customer_id"] == customer));
    let created = first["created_time"].as_str().unwrap();
    let since = e.all(&t, &format!("{ORDERS}?create_time_begin={created}"), "orders").await;
    assert!(since.iter().all(|o| o["created_time"].as_str().unwrap() >= created) && !since.is_empty());

    e.get(&format!("{ORDERS}?status=6"), &t).await.names("status");
    e.get(&format!("{ORDERS}?limit=0"), &t).await.names("limit");
    e.get(&format!("{ORDERS}?limit=101"), &t).await.names("limit");
    e.get(&format!("{ORDERS}?customer_id="), &t).await.names("customer_id");
    e.get(&format!("{ORDERS}?create_time_end=2026-11-20"), &t).await.names("create_time_end");

    // A selected reseller sees its own.
    let cb = e.all(&e.admin(CLOUDBRIDGE).await, ORDERS, "orders").await;
    assert!(!cb.is_empty() && cb.iter().all(|o| o["order_id"].as_str().unwrap().starts_with("KGCB")));
}

#[tokio::test]
async fn an_account_manager_sees_and_changes_only_their_customers_orders() {
    let e = env();
    let admin = e.admin(DIST).await;
    let (order, manager) = e.managed_pending(&admin).await;
    let id = order["order_id"].as_str().unwrap();
    let am = e.token(DIST, &manager).await;
    let own = e.all(&am, ORDERS, "orders").await;
    assert!(own.iter().any(|o| o["order_id"] == id));
    assert!(own.iter().all(|o| e.manager_of(o).as_deref() == Some(manager.as_str())));

    let other = ["li.na", "wang.fang", "david.liu", "zhao.min", "sarah.lin", "chen.jie"]
        .into_iter()
        .find(|n| *n != manager)
        .unwrap();
    let t = e.token(DIST, other).await;
    assert_eq!(e.get(&format!("{ORDERS}?order_id={id}"), &t).await.ok()["total_count"], 0);
    let r = e.adjust(&t, change(id, "1.00", None)).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::KOO_ORDER_NOT_FOUND), "never revealed");

    let r = e.adjust(&am, change(id, "1.00", None)).await.ok();
    assert_eq!(r["order_id"], id);
    let supervisor = e.data().users[e.data().users[e.user(DIST, &manager)].supervisor.unwrap()].name.clone();
    let sup = e.token(DIST, &supervisor).await;
    assert_eq!(amount(&e.order(&sup, id).await["amount"]), cents(100), "the team's supervisor sees it");
    let recs = e.get(&format!("{RECORDS}?order_id={id}"), &t).await.ok();
    assert_eq!(recs["total_count"], 0, "nor its records");
    let recs = e.get(&format!("{RECORDS}?order_id={id}"), &am).await.ok();
    assert_eq!((recs["total_count"].as_u64(), recs["records"][0]["operator"].as_str()), (Some(1), Some(&*manager)));
}

#[tokio::test]
async fn every_refusal_has_its_code() {
    let e = env();
    let t = e.admin(DIST).await;
    let first = e.order(&t, "KGHZ0001").await;
    let original = first["original_amount"].to_string();
    for (body, param) in [
        (change("", "1", None), "order_id"),
        (change(&"K".repeat(65), "1", None), "order_id"),
        (change("KGHZ0001", "0", None), "new_amount"),
        (change("KGHZ0001", "-1.00", None), "new_amount"),
        (change("KGHZ0001", "9.999", None), "new_amount"),
        (change("KGHZ0001", "\"99.00\"", None), "new_amount"),
        (json!({"order_id": "KGHZ0001", "new_amount": 1, "reason": "   "}), "reason"),
        (json!({"order_id": "KGHZ0001", "new_amount": 1, "reason": "理".repeat(201)}), "reason"),
        (change("KGHZ0001", "1", Some("-1")), "expected_amount"),
        (json!({"order_id": "KGHZ0001", "new_amount": 1, "reason": "r", "price": 1}), "price"),
    ] {
        e.adjust(&t, body).await.names(param);
    }
    let refused = |code| (StatusCode::BAD_REQUEST, code);
    assert_eq!(e.adjust(&t, change("KGXX9999", "1", None)).await.sc(), refused(codes::KOO_ORDER_NOT_FOUND));
    assert_eq!(e.adjust(&t, change("KGCB0001", "1", None)).await.sc(), refused(codes::KOO_ORDER_NOT_FOUND));
    for id in ["KGHZ0002", "KGHZ0004", "KGHZ0006", "KGHZ0007", "KGHZ0010"] {
        let r = e.adjust(&t, change(id, "1", None)).await;
        assert_eq!(r.sc(), refused(codes::KOO_ORDER_NOT_PENDING), "{id}");
    }
    let above = format!("{}", amount(&first["original_amount"]).0 + rust_decimal::Decimal::new(1, 2));
    assert_eq!(e.adjust(&t, change("KGHZ0001", &above, None)).await.sc(), refused(codes::KOO_ABOVE_ORIGINAL));
    assert_eq!(e.adjust(&t, change("KGHZ0001", &original, None)).await.sc(), refused(codes::KOO_SAME_PRICE));
    let r = e.adjust(&t, change("KGHZ0001", "1", Some("0.5"))).await;
    assert_eq!(r.sc(), (StatusCode::CONFLICT, codes::KOO_PRICE_CHANGED));
    // Nothing changed.
    assert_eq!(e.order(&t, "KGHZ0001").await, first);
    assert_eq!(e.get(&format!("{RECORDS}?order_id=KGHZ0001"), &t).await.ok()["total_count"], 0);
}

#[tokio::test]
async fn a_change_shows_in_the_order_and_the_records() {
    let e = env();
    let t = e.admin(DIST).await;
    let before = e.order(&t, "KGHZ0001").await;
    let seeded = e.get(RECORDS, &t).await.ok()["total_count"].as_u64().unwrap();
    assert!(seeded >= 2, "the seeded cuts (KGHZ0005, KGHZ0010)");
    let old = before["amount"].to_string();
    let r = e.adjust(&t, change("KGHZ0001", "99.00", Some(&old))).await.ok();
    assert_eq!(amount(&r["old_amount"]), amount(&before["amount"]));
    assert_eq!(r["new_amount"].to_string(), "99.00");
    assert_eq!((r["currency"].as_str(), r["measure_id"].as_i64()), (Some("CNY"), Some(1)));
    let adjust_id = r["adjust_id"].as_str().unwrap().to_string();

    let after = e.order(&t, "KGHZ0001").await;
    assert_eq!(amount(&after["amount"]), cents(9900));
    assert_eq!(after["original_amount"], before["original_amount"]);
    assert_eq!((after["adjusted_times"].as_u64(), after["status"].as_str()), (Some(1), Some("PENDING_PAYMENT")));
    assert_eq!(after["last_adjusted_time"], r["operation_time"]);

    let recs = e.get(RECORDS, &t).await.ok();
    assert_eq!(recs["total_count"].as_u64(), Some(seeded + 1));
    let rec = &recs["records"][0];
    assert_eq!(rec["adjust_id"], adjust_id.as_str(), "newest first");
    assert_eq!((rec["order_id"].as_str(), rec["reason"].as_str()), (Some("KGHZ0001"), Some("年底促销 Year-end offer")));
    assert_eq!((rec["operator"].as_str(), rec["operator_name"].as_str()), (Some("admin"), Some("王磊")));
    assert_eq!(rec["customer_id"], before["customer_id"]);
    assert_eq!(amount(&rec["old_amount"]), amount(&before["amount"]));
    let by_customer = format!("{RECORDS}?customer_id={}", before["customer_id"].as_str().unwrap());
    assert!(e.get(&by_customer, &t).await.ok()["records"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["adjust_id"] == *adjust_id));
    let later = format!("{RECORDS}?operation_time_begin={}", r["operation_time"].as_str().unwrap());
    assert_eq!(e.get(&later, &t).await.ok()["total_count"], 1);
    e.get(&format!("{RECORDS}?operation_time_begin=x"), &t).await.names("operation_time_begin");

    // A second cut from the new price, and back up to the original.
    e.adjust(&t, change("KGHZ0001", "80", Some("99.00"))).await.ok();
    let back = before["original_amount"].to_string();
    e.adjust(&t, change("KGHZ0001", &back, Some("80"))).await.ok();
    assert_eq!(e.order(&t, "KGHZ0001").await["adjusted_times"], 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_concurrent_changes_from_the_same_screen_one_wins() {
    let e = env();
    let t = e.admin(DIST).await;
    let seen = e.order(&t, "KGHZ0009").await["amount"].to_string();
    let send = |price: &'static str| {
        let (e, t, seen) = (e.clone(), t.clone(), seen.clone());
        tokio::spawn(async move { e.adjust(&t, change("KGHZ0009", price, Some(&seen))).await })
    };
    let (a, b) = (send("10.00"), send("20.00"));
    let (a, b) = (a.await.unwrap(), b.await.unwrap());
    let mut outcomes = [a.sc().0, b.sc().0];
    outcomes.sort();
    assert_eq!(outcomes, [StatusCode::OK, StatusCode::CONFLICT], "{a:?} / {b:?}");
    let loser = if a.status == StatusCode::OK { &b } else { &a };
    assert_eq!(loser.code(), codes::KOO_PRICE_CHANGED);
    let winner = if a.status == StatusCode::OK { &a } else { &b };
    let now = e.order(&t, "KGHZ0009").await;
    assert_eq!(now["amount"], winner["new_amount"]);
    assert_eq!(now["adjusted_times"], 1);
    assert_eq!(e.get(&format!("{RECORDS}?order_id=KGHZ0009"), &t).await.ok()["total_count"], 1);
}

#[tokio::test]
async fn a_pending_order_lapses_on_the_sandbox_clock() {
    let e = env();
    let t = e.admin(DIST).await;
    assert_eq!(e.order(&t, "KGHZ0003").await["status"], "PENDING_PAYMENT");
    e.control("/__sandbox/voucher-clock", json!({"seconds": 3 * 3600})).await.ok();
    assert_eq!(e.order(&t, "KGHZ0003").await["status"], "CLOSED");
    let closed = e.all(&t, &format!("{ORDERS}?status=CLOSED"), "orders").await;
    assert!(closed.iter().any(|o| o["order_id"] == "KGHZ0003"));
    let r = e.adjust(&t, change("KGHZ0003", "1", None)).await;
    assert_eq!(r.sc(), (StatusCode::BAD_REQUEST, codes::KOO_ORDER_NOT_PENDING));
}

#[tokio::test]
async fn injected_faults_around_a_change() {
    let e = env();
    let t = e.admin(DIST).await;
    let before = e.order(&t, "KGHZ0001").await;
    // A 500 before processing: nothing changed.
    let fault = json!({"fail_next": [{"kind": "server_error", "path_prefix": ADJUST, "method": "POST"}]});
    e.control("/__sandbox/faults", fault).await.ok();
    let r = e.adjust(&t, change("KGHZ0001", "50", None)).await;
    assert_eq!(r.sc(), (StatusCode::INTERNAL_SERVER_ERROR, codes::UNKNOWN));
    assert_eq!(e.order(&t, "KGHZ0001").await["adjusted_times"], 0);
    // A 500 after processing: the change is applied, the answer lost; reading back tells.
    let fault = json!({"fail_next": [{"kind": "commit_then_fail", "path_prefix": ADJUST, "method": "POST"}]});
    e.control("/__sandbox/faults", fault).await.ok();
    let r = e.adjust(&t, change("KGHZ0001", "50", None)).await;
    assert_eq!(r.sc(), (StatusCode::INTERNAL_SERVER_ERROR, codes::UNKNOWN));
    let o = e.order(&t, "KGHZ0001").await;
    assert_eq!((amount(&o["amount"]), o["adjusted_times"].as_u64()), (cents(5000), Some(1)));
    assert_eq!(e.get(&format!("{RECORDS}?order_id=KGHZ0001"), &t).await.ok()["total_count"], 1);
    // Sending it again with the price seen before is refused, not applied twice.
    let r = e.adjust(&t, change("KGHZ0001", "50", Some(&before["amount"].to_string()))).await;
    assert_eq!(r.sc(), (StatusCode::CONFLICT, codes::KOO_PRICE_CHANGED));
    // Reads on the same prefix are not used up by a POST-only fault; throttling applies to writes too.
    let fault = json!({"fail_next": [{"kind": "throttle", "path_prefix": ADJUST, "method": "POST"}]});
    e.control("/__sandbox/faults", fault).await.ok();
    assert_eq!(e.adjust(&t, change("KGHZ0001", "40", None)).await.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(amount(&e.order(&t, "KGHZ0001").await["amount"]), cents(5000));
}
