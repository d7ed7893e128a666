//! O1–O4 (PARTNER_API.md §8) through the router (tower `oneshot`), over a small seeded store.

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::{env, env_with, Env, Resp};
use partner_api::endpoint::Endpoint;
use partner_api::orders::{
    ListCustomerOnDemandResourcesResponse, ListCustomerOrdersResponse, ListPayPerUseCustomerResourcesResponse,
    ShowCustomerOrderDetailsResponse,
};
use partner_api::time::{parse_wire, Instant};
use partner_api::Amount;
use sandbox::seed;
use sandbox::seed_orders::{book, OrderRow};
use sandbox::store::{Customer, CustomerIx};
use serde_json::{json, Value};
use std::collections::HashSet;

const O1: &str = "/v2/orders/customer-orders";
const O2: &str = "/v2/orders/customer-orders/details/";
const O3: &str = "/v2/orders/suscriptions/resources/query";
const O4: &str = "/v2/partners/sub-customers/on-demand-resources/query";

impl Env {
    async fn call_lang(
        &self,
        method: Method,
        path: &str,
        token: &str,
        lang: Option<&str>,
        body: Option<Value>,
    ) -> Resp {
        let headers: Vec<(&str, &str)> = lang.map(|l| ("X-Language", l)).into_iter().collect();
        self.call_with(method, path, Some(token), &headers, body).await
    }

    fn ix(&self, c: &Customer) -> CustomerIx {
        self.data().customer_by_id[&c.id]
    }

    /// Order ids of the customers matching `f`, straight from the seeded rows.
    fn expected(&self, f: impl Fn(&Customer) -> bool) -> HashSet<String> {
        let d = self.data();
        d.customers
            .iter()
            .filter(|c| f(c))
            .flat_map(|c| d.orders.of_customer(self.ix(c)).iter().map(OrderRow::order_id))
            .collect()
    }

    /// Every O1 row for a query, page by page (limit 100).
    async fn all_orders(&self, token: &str, query: &str) -> Vec<Value> {
        let mut rows = Vec::new();
        loop {
            let sep = if query.is_empty() { "" } else { "&" };
            let r = self.get(&format!("{O1}?{query}{sep}limit=100&offset={}", rows.len()), token).await.ok();
            let page = r.json["order_infos"].as_array().unwrap().clone();
            let total = r.json["total_count"].as_u64().unwrap() as usize;
            let empty = page.is_empty();
            rows.extend(page);
            if rows.len() >= total || empty {
                assert_eq!(rows.len(), total);
                return rows;
            }
        }
    }

    /// A customer with at least `n` orders, matching `f`.
    fn customer_with_orders(&self, n: usize, f: impl Fn(&Customer) -> bool) -> &Customer {
        let d = self.data();
        d.customers.iter().find(|c| f(c) && d.orders.of_customer(self.ix(c)).len() >= n).expect("a seeded customer")
    }
}

fn ids(rows: &[Value]) -> HashSet<String> {
    rows.iter().map(|r| r["order_id"].as_str().unwrap().to_string()).collect()
}

fn time(v: &Value) -> Instant {
    parse_wire(v.as_str().unwrap()).unwrap()
}

fn total(it: impl Iterator<Item = Amount>) -> Amount {
    it.fold(Amount::ZERO, |a, b| Amount(a.0 + b.0))
}

fn amount(v: &Value) -> Amount {
    let n = v.as_number().unwrap_or_else(|| panic!("{v} is not a JSON number")).to_string();
    Amount::parse(&n).unwrap()
}

#[tokio::test]
async fn o1_visibility_per_role_and_reseller() {
    let e = env();
    let d = e.data();
    let dist = e.partner("hz_distributor");
    let cloudbridge = e.partner("cloudbridge_it");
    let cb_id = d.partners[cloudbridge].id.clone();

    // Account manager: orders of their own customers only.
    let li = e.user("hz_distributor", "li.na");
    let t = e.token("hz_distributor", "li.na").await;
    let rows = e.all_orders(&t, "").await;
    let want = e.expected(|c| c.account_manager == Some(li));
    assert!(!want.is_empty());
    assert_eq!(ids(&rows), want);

    // Supervisor: the team's customers.
    let zw = e.user("hz_distributor", "zhang.wei");
    let t = e.token("hz_distributor", "zhang.wei").await;
    let want = e.expected(|c| c.account_manager.is_some_and(|am| d.users[am].supervisor == Some(zw)));
    assert_eq!(ids(&e.all_orders(&t, "").await), want);
    // A reseller's id gives a non-admin nothing, as in C1.
    let r = e.get(&format!("{O1}?indirect_partner_id={cb_id}"), &t).await.ok();
    assert_eq!(r.json["total_count"], 0);

    // Distributor admin: own direct customers (unassigned too) without indirect_partner_id,
    // the reseller's customers with it.
    let t = e.token("hz_distributor", "admin").await;
    let direct = e.expected(|c| c.partner == dist);
    assert!(direct.len() > e.expected(|c| c.partner == dist && c.account_manager.is_some()).len());
    assert_eq!(ids(&e.all_orders(&t, "").await), direct);
    let rows = e.all_orders(&t, &format!("indirect_partner_id={cb_id}")).await;
    assert!(!rows.is_empty());
    assert_eq!(ids(&rows), e.expected(|c| c.partner == cloudbridge));

    // Reseller admin: own customers; naming a reseller is 400 CBC.99000037.
    let t = e.token("cloudbridge_it", "admin").await;
    assert_eq!(ids(&e.all_orders(&t, "").await), e.expected(|c| c.partner == cloudbridge));
    let r = e.get(&format!("{O1}?indirect_partner_id={cb_id}"), &t).await;
    assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "CBC.99000037"));
    let r = e
        .get(
            &format!("{O1}?indirect_partner_id=ffffffffffffffffffffffffffffffff"),
            &e.token("hz_distributor", "admin").await,
        )
        .await;
    assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "CBC.99000037"));

    // Someone else's customer or order: an empty list, never an error or a row.
    let other = e.customer_with_orders(1, |c| c.partner == dist);
    let other_order = d.orders.of_customer(e.ix(other))[0].order_id();
    for q in [format!("customer_id={}", other.id), format!("order_id={other_order}")] {
        let r = e.get(&format!("{O1}?{q}"), &t).await.ok();
        assert_eq!((r.json["total_count"].as_u64(), r.json["order_infos"].as_array().unwrap().len()), (Some(0), 0));
    }
    let t = e.token("hz_distributor", "li.na").await;
    let not_hers = e.customer_with_orders(1, |c| c.partner == dist && c.account_manager != Some(li));
    let r = e.get(&format!("{O1}?customer_id={}", not_hers.id), &t).await.ok();
    assert_eq!(r.json["total_count"], 0);
    // Typed through the api crate.
    let typed: ListCustomerOrdersResponse = serde_json::from_value(r.json).unwrap();
    assert!(typed.order_infos.is_empty());
}

#[tokio::test]
async fn o1_filters_sorting_and_method() {
    let e = env();
    let d = e.data();
    let dist = e.partner("hz_distributor");
    let t = e.token("hz_distributor", "admin").await;

    // Default: newest first; createTime: oldest first (case-insensitive).
    let rows = e.all_orders(&t, "").await;
    assert!(rows.windows(2).all(|w| time(&w[0]["create_time"]) >= time(&w[1]["create_time"])));
    let asc = e.all_orders(&t, "order_by=CREATETIME").await;
    assert!(asc.windows(2).all(|w| time(&w[0]["create_time"]) <= time(&w[1]["create_time"])));
    assert_eq!(ids(&asc), ids(&rows));

    // Status, order type (a string filter, an int in the response), service type.
    let done = e.all_orders(&t, "status=5&order_type=1").await;
    assert!(!done.is_empty());
    assert!(done.iter().all(|r| r["status"] == 5 && r["order_type"] == 1));
    assert!(done.iter().all(|r| r["payment_time"].is_string()));
    let ec2 = e.all_orders(&t, "service_type_code=HWS.SERVICE.TYPE.EC2").await;
    assert!(!ec2.is_empty() && ec2.iter().all(|r| r["service_type_code"] == "hws.service.type.ec2"));
    assert!(ec2.iter().all(|r| r["service_type_name"] == "弹性云服务器"));
    let pending = e.all_orders(&t, "status=6").await;
    assert!(pending.iter().all(|r| r["payment_time"].is_null()));

    // Create range: begin inclusive, end exclusive; payment range skips unpaid orders.
    let pivot = time(&rows[rows.len() / 2]["create_time"]);
    let wire = partner_api::time::to_wire(&pivot);
    let before = e.all_orders(&t, &format!("create_time_end={wire}")).await;
    let after = e.all_orders(&t, &format!("create_time_begin={wire}")).await;
    assert_eq!(before.len() + after.len(), rows.len());
    assert!(after.iter().all(|r| time(&r["create_time"]) >= pivot));
    let begin = "2026-01-01T00:00:00Z";
    let paid = e.all_orders(&t, &format!("payment_time_begin={begin}&payment_time_end=2026-07-01T00:00:00Z")).await;
    assert!(!paid.is_empty());
    assert!(paid.iter().all(|r| {
        let p = time(&r["payment_time"]);
        p >= time(&json!(begin)) && p < time(&json!("2026-07-01T00:00:00Z"))
    }));

    // order_id: case-insensitive exact match.
    let some = rows[3]["order_id"].as_str().unwrap();
    let r = e.get(&format!("{O1}?order_id={}", some.to_lowercase()), &t).await.ok();
    assert_eq!((r.json["total_count"].as_u64(), r.json["order_infos"][0]["order_id"].as_str()), (Some(1), Some(some)));

    // method applies with customer_id: own orders vs. orders paid for enterprise sub-accounts.
    let (c, split) = d
        .customers
        .iter()
        .filter(|c| c.partner == dist)
        .map(|c| (c, d.orders.of_customer(e.ix(c))))
        .find(|(_, rows)| rows.iter().any(|r| r.sub_account) && rows.iter().any(|r| !r.sub_account))
        .expect("a customer with both kinds of orders");
    let own: HashSet<String> = split.iter().filter(|r| !r.sub_account).map(OrderRow::order_id).collect();
    let sub: HashSet<String> = split.iter().filter(|r| r.sub_account).map(OrderRow::order_id).collect();
    assert_eq!(ids(&e.all_orders(&t, &format!("customer_id={}", c.id)).await), own);
    assert_eq!(ids(&e.all_orders(&t, &format!("customer_id={}&method=oneself", c.id)).await), own);
    assert_eq!(ids(&e.all_orders(&t, &format!("customer_id={}&method=sub_customer", c.id)).await), sub);
    // Without customer_id, method is ignored: every order of the visible customers.
    assert_eq!(e.all_orders(&t, "method=sub_customer").await.len(), rows.len());

    // Empty filter values are not filters; unknown parameters are ignored. Paging values are
    // never empty (issue #16): `limit=` is refused like everywhere else.
    e.get(&format!("{O1}?status=&limit="), &t).await.names("limit");
    let r = e.get(&format!("{O1}?status=&order_id=&service_type_code=&method=&foo=bar"), &t).await.ok();
    assert_eq!(r.json["total_count"].as_u64(), Some(rows.len() as u64));
    assert_eq!(r.json["order_infos"].as_array().unwrap().len(), 10);
}

#[tokio::test]
async fn o1_paging_bounds_and_query_encoding() {
    let e = env();
    let t = e.token("hz_distributor", "admin").await;
    e.get(&format!("{O1}?limit=101"), &t).await.names("limit");
    e.get(&format!("{O1}?limit=0"), &t).await.names("limit");
    e.get(&format!("{O1}?offset=-1"), &t).await.names("offset");
    e.get(&format!("{O1}?limit=ten"), &t).await.names("limit");
    assert_eq!(e.get(&format!("{O1}?limit=ten"), &t).await.msg(), "parameter 'limit' must be an integer");
    let r = e.get(O1, &t).await.ok();
    assert_eq!(r.json["order_infos"].as_array().unwrap().len(), 10);
    let total = r.json["total_count"].as_u64().unwrap();
    assert_eq!(e.get(&format!("{O1}?limit=100"), &t).await.ok().json["order_infos"].as_array().unwrap().len(), 100);
    let r = e.get(&format!("{O1}?offset={total}&limit=5"), &t).await.ok();
    assert_eq!((r.json["total_count"].as_u64(), r.json["order_infos"].as_array().unwrap().len()), (Some(total), 0));
    let r = e.get(&format!("{O1}?offset={}&limit=5", total - 2), &t).await.ok();
    assert_eq!(r.json["order_infos"].as_array().unwrap().len(), 2);

    // A single-valued parameter given twice is refused; `%20` and `%2B` decode.
    e.get(&format!("{O1}?status=1&status=3"), &t).await.names("status");
    e.get(&format!("{O1}?order_by=create%20Time"), &t).await.names("order_by");
    let r = e.get(&format!("{O1}?order_id=CS%2B1"), &t).await.ok();
    assert_eq!(r.json["total_count"], 0);
    e.get(&format!("{O1}?order_id={}", "X".repeat(65)), &t).await.names("order_id");
    e.get(&format!("{O1}?customer_id={}", "c".repeat(65)), &t).await.names("customer_id");
    e.get(&format!("{O1}?status=2"), &t).await.names("status");
    e.get(&format!("{O1}?status=x"), &t).await.names("status");
    e.get(&format!("{O1}?order_type=5"), &t).await.names("order_type");
    e.get(&format!("{O1}?order_by=updateTime"), &t).await.names("order_by");
    e.get(&format!("{O1}?method=all"), &t).await.names("method");
    // The api crate's query string is accepted as is.
    let req = partner_api::orders::ListCustomerOrdersRequest {
        status: Some(5),
        order_type: Some("2".into()),
        create_time_begin: Some("2026-01-01T00:00:00Z".into()),
        offset: Some(0),
        limit: Some(20),
        ..Default::default()
    };
    let r = e.get(&req.path_and_query(), &t).await.ok();
    assert!(r.json["order_infos"].as_array().unwrap().iter().all(|o| o["status"] == 5 && o["order_type"] == 2));
}

#[tokio::test]
async fn o1_time_spans_over_a_year_name_the_parameter() {
    let e = env();
    let t = e.token("deepblue_data", "admin").await;
    let q = |k: &str, b: &str, end: &str| format!("{O1}?{k}_begin={b}&{k}_end={end}");
    for k in ["create_time", "payment_time"] {
        let r = e.get(&q(k, "2025-06-01T00:00:00Z", "2026-06-01T00:00:01Z"), &t).await;
        r.names(&format!("{k}_end"));
        assert_eq!(r.msg(), format!("parameter '{k}_end' must be at most 1 year after {k}_begin"));
        e.get(&q(k, "2025-06-01T00:00:00Z", "2026-06-01T00:00:00Z"), &t).await.ok();
        e.get(&q(k, "2026-06-01T00:00:00Z", "2026-05-01T00:00:00Z"), &t).await.names(&format!("{k}_begin"));
        e.get(&format!("{O1}?{k}_begin=2026-06-01"), &t).await.names(&format!("{k}_begin"));
        e.get(&format!("{O1}?{k}_end=2026-06-01T00:00:00%2B08:00"), &t).await.names(&format!("{k}_end"));
        // One side alone is not limited.
        e.get(&format!("{O1}?{k}_begin=2020-01-01T00:00:00Z"), &t).await.ok();
    }
}

#[tokio::test]
async fn o2_details_visibility_language_and_amounts() {
    let e = env();
    let d = e.data();
    let li = e.user("hz_distributor", "li.na");
    let t = e.token("hz_distributor", "li.na").await;
    let c = e.customer_with_orders(2, |c| c.account_manager == Some(li));
    let row = d.orders.of_customer(e.ix(c))[1];
    let id = row.order_id();

    let zh = e.get(&format!("{O2}{id}"), &t).await.ok();
    let en = e.call_lang(Method::GET, &format!("{O2}{}", id.to_lowercase()), &t, Some("en_US"), None).await.ok();
    let info = &zh.json["order_info"];
    assert_eq!((info["order_id"].as_str(), info["customer_id"].as_str()), (Some(id.as_str()), Some(c.id.as_str())));
    assert!(info.get("user_name").is_some() && info.get("pending_payment_end_time").is_some());
    assert_ne!(zh.json["order_info"]["service_type_name"], en.json["order_info"]["service_type_name"]);
    let svc = sandbox::seed_orders::SERVICES[row.service as usize].en;
    assert_eq!(en.json["order_info"]["service_type_name"], svc);
    assert_eq!(zh.json["order_info"]["service_type_name"], sandbox::seed_orders::SERVICES[row.service as usize].zh);
    let default_lang = e.call_lang(Method::GET, &format!("{O2}{id}"), &t, Some("fr_FR"), None).await.ok();
    assert_eq!(default_lang.json, zh.json);

    // Line items: total_count counts them, they page, and they add up to the order.
    let items = zh.json["order_line_items"].as_array().unwrap();
    assert_eq!(zh.json["total_count"].as_u64(), Some(items.len() as u64));
    assert!(!items.is_empty());
    let sum = |k: &str| total(items.iter().map(|i| amount(&i[k])));
    assert_eq!(sum("official_amount"), amount(&info["official_amount"]));
    assert_eq!(sum("amount_after_discount"), amount(&info["amount_after_discount"]));
    if items.len() > 1 {
        let r = e.get(&format!("{O2}{id}?limit=1&offset=1"), &t).await.ok();
        assert_eq!(r.json["order_line_items"].as_array().unwrap().len(), 1);
        assert_eq!(r.json["order_line_items"][0], items[1]);
    }
    let typed: ShowCustomerOrderDetailsResponse = serde_json::from_value(zh.json.clone()).unwrap();
    assert_eq!(typed.order_info.unwrap().order_id, id);

    // Not hers, not existing, or a mangled id: one answer.
    let other = e.customer_with_orders(1, |c| c.account_manager.is_some_and(|am| am != li));
    let other_id = d.orders.of_customer(e.ix(other))[0].order_id();
    for path in [format!("{O2}{other_id}"), format!("{O2}CS000000000000000"), format!("{O2}a%2Fb")] {
        let r = e.get(&path, &t).await;
        r.names("order_id");
        assert_eq!(r.msg(), "parameter 'order_id' does not identify an order of your customers");
    }
    e.get(&format!("{O2}{id}?limit=101"), &t).await.names("limit");
    e.get(&format!("{O2}{}", "X".repeat(65)), &t).await.names("order_id");

    // A reseller's customer's order: the distributor admin needs indirect_partner_id.
    let cb = e.partner("cloudbridge_it");
    let cb_id = &d.partners[cb].id;
    let rc = e.customer_with_orders(1, |c| c.partner == cb);
    let rid = d.orders.of_customer(e.ix(rc))[0].order_id();
    let admin = e.token("hz_distributor", "admin").await;
    e.get(&format!("{O2}{rid}"), &admin).await.names("order_id");
    e.get(&format!("{O2}{rid}?indirect_partner_id={cb_id}"), &admin).await.ok();
    e.get(&format!("{O2}{rid}?indirect_partner_id={cb_id}"), &t).await.names("order_id");
    let r = e.get(&format!("{O2}{rid}?indirect_partner_id=nope"), &admin).await;
    assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "CBC.99000037"));
    // The reseller's own people see it directly.
    e.get(&format!("{O2}{rid}"), &e.token("cloudbridge_it", "admin").await).await.ok();
}

#[tokio::test]
async fn o3_resources_validation_visibility_and_filters() {
    let e = env();
    let d = e.data();
    let li = e.user("hz_distributor", "li.na");
    let t = e.token("hz_distributor", "li.na").await;

    // Validation first: a partner must name the customer; limits and codes.
    e.post(O3, &t, json!({})).await.names("customer_id");
    e.post(O3, &t, json!({"customer_id": ""})).await.names("customer_id");
    let many: Vec<String> = (0..51).map(|i| format!("i-{i:016x}")).collect();
    let c = d.customers.iter().find(|c| c.account_manager == Some(li)).unwrap();
    let cid = c.id.clone();
    e.post(O3, &t, json!({"customer_id": cid, "resource_ids": many})).await.names("resource_ids");
    e.post(O3, &t, json!({"customer_id": cid, "status_list": [1]})).await.names("status_list");
    e.post(O3, &t, json!({"customer_id": cid, "only_main_resource": 2})).await.names("only_main_resource");
    e.post(O3, &t, json!({"customer_id": cid, "service_type_code": ""})).await.names("service_type_code");
    e.post(O3, &t, json!({"customer_id": cid, "expire_time_begin": "soon"})).await.names("expire_time_begin");
    e.post(O3, &t, json!({"customer_id": cid, "limit": 101})).await.names("limit");
    e.post(O3, &t, json!({"customer_id": cid, "customer_id_typo": 1, "offset": "x"})).await.names("offset");

    // A customer this person may not see (or that does not exist): 400 CBC.99000035.
    let other = d.customers.iter().find(|c| c.account_manager.is_some_and(|am| am != li)).unwrap();
    for id in [other.id.as_str(), "ffffffffffffffffffffffffffffffff"] {
        let r = e.post(O3, &t, json!({"customer_id": id})).await;
        assert_eq!((r.status, r.code(), r.msg()), (StatusCode::BAD_REQUEST, "CBC.99000035", "not your sub-customer"));
    }

    // The distributor admin sees a reseller's customer's resources too (O3 has no
    // indirect_partner_id); the reseller's people see them as well.
    let (rich, b) = d
        .customers
        .iter()
        .map(|c| (c, book(d, e.ix(c))))
        .find(|(c, b)| {
            c.partner == e.partner("hz_distributor") && b.resources.iter().filter(|r| !r.is_main).count() >= 2
        })
        .expect("a customer with attached resources");
    let admin = e.token("hz_distributor", "admin").await;
    let all = e.post(O3, &admin, json!({"customer_id": rich.id, "limit": 100})).await.ok();
    let data = all.json["data"].as_array().unwrap().clone();
    assert_eq!(all.json["total_count"].as_u64(), Some(b.resources.len() as u64));
    assert_eq!(data.len(), b.resources.len());
    // Attached resources follow their main resource, which is in the list too.
    let listed: HashSet<&str> = data.iter().map(|r| r["resource_id"].as_str().unwrap()).collect();
    for (i, r) in data.iter().enumerate() {
        if r["is_main_resource"] == 0 {
            let parent = r["parent_resource_id"].as_str().unwrap();
            assert!(listed.contains(parent));
            assert!(data[..i].iter().any(|m| m["resource_id"] == parent));
        } else {
            assert!(r["parent_resource_id"].is_null());
        }
        assert!(["2", "3", "4", "5"].contains(&r["status"].to_string().as_str()), "{r}");
        assert!((0..=5).contains(&r["expire_policy"].as_i64().unwrap()));
        assert!(time(&r["effective_time"]) <= time(&r["expire_time"]) || r["status"] == 3);
        assert_eq!(r["service_type_name"].as_str().map(|s| s.is_ascii()), Some(false), "zh_CN names");
    }
    let main = e.post(O3, &admin, json!({"customer_id": rich.id, "only_main_resource": 1, "limit": 100})).await.ok();
    let mains = main.json["data"].as_array().unwrap();
    assert!(mains.iter().all(|r| r["is_main_resource"] == 1));
    assert_eq!(mains.len(), b.resources.iter().filter(|r| r.is_main).count());

    // resource_ids: a main id brings its attached resources unless main only; an attached
    // id matches itself.
    let child = b.resources.iter().find(|r| !r.is_main).unwrap();
    let parent = child.parent.clone().unwrap();
    let r = e.post(O3, &admin, json!({"customer_id": rich.id, "resource_ids": [parent]})).await.ok();
    let got: HashSet<&str> =
        r.json["data"].as_array().unwrap().iter().map(|r| r["resource_id"].as_str().unwrap()).collect();
    assert!(got.contains(parent.as_str()) && got.contains(child.resource_id.as_str()));
    let r =
        e.post(O3, &admin, json!({"customer_id": rich.id, "resource_ids": [parent], "only_main_resource": 1})).await;
    assert_eq!(r.ok().json["total_count"], 1);
    let r = e
        .post(O3, &admin, json!({"customer_id": rich.id, "resource_ids": [child.resource_id], "only_main_resource": 1}))
        .await;
    assert_eq!(r.ok().json["data"][0]["resource_id"], json!(child.resource_id));

    // status_list, service type and order filters.
    for s in [2, 3, 4, 5] {
        let r = e.post(O3, &admin, json!({"customer_id": rich.id, "status_list": [s], "limit": 100})).await.ok();
        let n = b.resources.iter().filter(|r| r.status == s).count();
        assert_eq!(r.json["total_count"].as_u64(), Some(n as u64));
    }
    let code = sandbox::seed_orders::SERVICES[child.product.service].code;
    let r = e
        .post(O3, &admin, json!({"customer_id": rich.id, "service_type_code": code.to_uppercase(), "limit": 100}))
        .await
        .ok();
    assert!(r.json["data"].as_array().unwrap().iter().all(|x| x["service_type_code"] == code));
    if let Some(&o) = child.orders.first() {
        let oid = &b.orders[o as usize].id;
        let r = e
            .post(O3, &admin, json!({"customer_id": rich.id, "order_id": oid.to_lowercase(), "limit": 100}))
            .await
            .ok();
        let got = r.json["data"].as_array().unwrap();
        assert!(got.iter().any(|x| x["resource_id"] == json!(child.resource_id)));
        assert_eq!(got.len(), b.resources.iter().filter(|r| r.orders.contains(&o)).count());
    }
    let typed: ListPayPerUseCustomerResourcesResponse = serde_json::from_value(all.json).unwrap();
    assert_eq!(typed.data.len(), data.len());

    // Reseller customers: the distributor admin may look; its supervisors may not.
    let cb = e.partner("cloudbridge_it");
    let rc = d.customers.iter().find(|c| c.partner == cb).unwrap();
    e.post(O3, &admin, json!({"customer_id": rc.id})).await.ok();
    let sup = e.token("hz_distributor", "zhang.wei").await;
    assert_eq!(e.post(O3, &sup, json!({"customer_id": rc.id})).await.code(), "CBC.99000035");
    e.post(O3, &e.token("cloudbridge_it", "admin").await, json!({"customer_id": rc.id})).await.ok();
}

#[tokio::test]
async fn o4_on_demand_resources() {
    let e = env();
    let d = e.data();
    let dist = e.partner("hz_distributor");
    let t = e.token("hz_distributor", "admin").await;

    e.post(O4, &t, json!({})).await.names("customer_id");
    e.post(O4, &t, json!({"customer_id": null})).await.names("customer_id");
    let resale = d
        .customers
        .iter()
        .map(|c| (c, book(d, e.ix(c))))
        .find(|(c, b)| c.partner == dist && c.association_type == "2" && b.on_demand.len() >= 3)
        .expect("a resale customer with pay-per-use resources");
    let (c, b) = resale;
    let many: Vec<String> = (0..51).map(|i| format!("i-{i}")).collect();
    e.post(O4, &t, json!({"customer_id": c.id, "resource_ids": many})).await.names("resource_ids");
    e.post(O4, &t, json!({"customer_id": c.id, "status": 7})).await.names("status");
    e.post(O4, &t, json!({"customer_id": c.id, "effective_time_end": "2026-01-01"})).await.names("effective_time_end");
    e.post(O4, &t, json!({"customer_id": c.id, "limit": 0})).await.names("limit");

    let zh = e.post(O4, &t, json!({"customer_id": c.id, "limit": 100})).await.ok();
    let en =
        e.call_lang(Method::POST, O4, &t, Some("en_US"), Some(json!({"customer_id": c.id, "limit": 100}))).await.ok();
    assert_eq!(zh.json["total_count"].as_u64(), Some(b.on_demand.len() as u64));
    let (zr, er) = (zh.json["resources"].as_array().unwrap(), en.json["resources"].as_array().unwrap());
    assert_eq!(zr.len(), er.len());
    for (z, en_row) in zr.iter().zip(er) {
        assert_eq!(z["resource_id"], en_row["resource_id"]);
        assert_eq!(z["customer_id"], json!(c.id));
        assert!(!z["service_type_name"].as_str().unwrap().is_ascii(), "{z}");
        assert!(en_row["service_type_name"].as_str().unwrap().is_ascii(), "{en_row}");
        assert!(en_row["resource_type_name"].as_str().unwrap().is_ascii());
        assert!((1..=6).contains(&z["status"].as_i64().unwrap()));
        if let Some(info) = z["resource_info"].as_str() {
            let v: Value = serde_json::from_str(info).unwrap();
            assert!(v["specSize"].is_number());
        }
        assert!(z["availability_zone_code"].as_str().unwrap().starts_with(z["region_code"].as_str().unwrap()));
    }
    let typed: ListCustomerOnDemandResourcesResponse = serde_json::from_value(en.json.clone()).unwrap();
    assert_eq!(typed.resources.len(), zr.len());
    // Filters.
    let first = &b.on_demand[0];
    let r = e.post(O4, &t, json!({"customer_id": c.id, "resource_ids": [first.resource_id]})).await.ok();
    assert_eq!(r.json["total_count"], 1);
    let r = e.post(O4, &t, json!({"customer_id": c.id, "status": first.status, "limit": 100})).await.ok();
    assert!(r.json["resources"].as_array().unwrap().iter().all(|x| x["status"] == first.status));
    let r = e
        .post(O4, &t, json!({"customer_id": c.id, "region_code": first.region, "service_type_code": "", "limit": 100}))
        .await
        .ok();
    assert!(r.json["resources"].as_array().unwrap().iter().all(|x| x["region_code"] == first.region));
    let r = e
        .post(
            O4,
            &t,
            json!({"customer_id": c.id, "effective_time_begin": partner_api::time::to_wire(&first.effective)}),
        )
        .await
        .ok();
    assert_eq!(
        r.json["total_count"].as_u64(),
        Some(b.on_demand.iter().filter(|x| x.effective >= first.effective).count() as u64)
    );

    // Referral customers: 403 CBC.0151 (pay-per-use resources are for resale customers).
    let referral = d.customers.iter().find(|c| c.partner == dist && c.association_type == "1").unwrap();
    let r = e.post(O4, &t, json!({"customer_id": referral.id})).await;
    assert_eq!((r.status, r.code()), (StatusCode::FORBIDDEN, "CBC.0151"));

    // Visibility: another's customer → 400 CBC.99000035; a reseller's customer needs
    // indirect_partner_id, and the distributor's admin.
    let li = e.token("hz_distributor", "li.na").await;
    let li_ix = e.user("hz_distributor", "li.na");
    if c.account_manager != Some(li_ix) {
        assert_eq!(e.post(O4, &li, json!({"customer_id": c.id})).await.code(), "CBC.99000035");
    }
    let cb = e.partner("cloudbridge_it");
    let cb_id = d.partners[cb].id.clone();
    let rc = d.customers.iter().find(|c| c.partner == cb).unwrap();
    assert_eq!(e.post(O4, &t, json!({"customer_id": rc.id})).await.code(), "CBC.99000035");
    e.post(O4, &t, json!({"customer_id": rc.id, "indirect_partner_id": cb_id})).await.ok();
    let sup = e.token("hz_distributor", "zhang.wei").await;
    let r = e.post(O4, &sup, json!({"customer_id": rc.id, "indirect_partner_id": cb_id})).await;
    assert_eq!(r.code(), "CBC.99000035");
    let r = e.post(O4, &t, json!({"customer_id": rc.id, "indirect_partner_id": "nope"})).await;
    assert_eq!((r.status, r.code()), (StatusCode::BAD_REQUEST, "CBC.99000037"));
    e.post(O4, &e.token("cloudbridge_it", "admin").await, json!({"customer_id": rc.id})).await.ok();
}

#[tokio::test]
async fn amounts_are_exact_json_numbers() {
    let e = env();
    let t = e.token("hz_distributor", "admin").await;
    let rows = e.all_orders(&t, "").await;
    assert!(rows.len() > 100);
    let two_decimals = |v: &Value| {
        let n = v.as_number().unwrap_or_else(|| panic!("{v} is not a JSON number")).to_string();
        let (_, frac) = n.split_once('.').unwrap_or_else(|| panic!("{n} has no decimals"));
        assert_eq!(frac.len(), 2, "{n}");
    };
    let mut discounted = 0;
    let mut couponed = 0;
    for o in &rows {
        two_decimals(&o["official_amount"]);
        two_decimals(&o["amount_after_discount"]);
        assert_eq!((o["measure_id"].as_i64(), o["currency"].as_str()), (Some(1), Some("CNY")));
        let info = &o["amount_info"];
        for k in ["flexipurchase_coupon_amount", "coupon_amount", "stored_card_amount"] {
            two_decimals(&info[k]);
        }
        let discounts = info["discounts"].as_array().unwrap();
        for x in discounts {
            assert!(x["discount_type"].is_string());
            assert!(partner_api::orders::discount_type::ALL.contains(&x["discount_type"].as_str().unwrap()));
            two_decimals(&x["discount_amount"]);
        }
        // after = official − Σ discounts, exactly.
        let off = total(discounts.iter().map(|x| amount(&x["discount_amount"])));
        assert_eq!(Amount(amount(&o["official_amount"]).0 - off.0), amount(&o["amount_after_discount"]));
        discounted += !discounts.is_empty() as usize;
        couponed += amount(&info["coupon_amount"]).is_positive() as usize;
        if o["order_type"] == 4 {
            two_decimals(&info["commission_amount"]);
            two_decimals(&info["consumed_amount"]);
        } else {
            assert!(info["commission_amount"].is_null());
        }
        // Combined orders add up.
        let subs = o["sub_order_infos"].as_array().unwrap();
        if !subs.is_empty() {
            assert_eq!(total(subs.iter().map(|s| amount(&s["official_amount"]))), amount(&o["official_amount"]));
        }
        assert!(o["order_type"].is_i64() && o["status"].is_i64() && o["source_type"].is_i64());
    }
    assert!(discounted > 10 && couponed > 0, "{discounted} {couponed}");
    let r = e.get(&format!("{O1}?limit=100"), &t).await.ok();
    assert!(r.text.contains("\"official_amount\":") && !r.text.contains("\"official_amount\":\""));
    // An international reseller's customers pay in USD.
    let t = e.token("nimbus_solutions", "admin").await;
    let rows = e.all_orders(&t, "").await;
    assert!(!rows.is_empty() && rows.iter().all(|o| o["currency"] == "USD"));
}

#[tokio::test]
async fn new_routes_go_through_token_faults_cors_and_request_ids() {
    let e = env_with(vec!["http://localhost:3000".into()]);
    // No token: 401 on all four.
    for (m, p) in [
        (Method::GET, O1.to_string()),
        (Method::GET, format!("{O2}CS1")),
        (Method::POST, O3.into()),
        (Method::POST, O4.into()),
    ] {
        let req = Request::builder().method(m).uri(&p).body(Body::empty()).unwrap();
        let r = e.send(req).await;
        assert_eq!((r.status, r.code()), (StatusCode::UNAUTHORIZED, "CBC.0154"), "{p}");
        assert!(r.header("x-request-id").is_some());
    }
    let t = e.token("hz_distributor", "admin").await;
    let faults = json!({"fail_next": [{"kind": "server_error", "count": 1, "path_prefix": "/v2/orders"},
                                      {"kind": "throttle", "count": 1, "path_prefix": O4}]});
    let req = Request::builder()
        .method(Method::POST)
        .uri("/__sandbox/faults")
        .header("content-type", "application/json")
        .body(Body::from(faults.to_string()))
        .unwrap();
    assert_eq!(e.send(req).await.status, StatusCode::OK);
    let r = e.get(O1, &t).await;
    assert_eq!((r.status, r.code()), (StatusCode::INTERNAL_SERVER_ERROR, "CBC.0999"));
    assert!(r.header("x-request-id").is_some());
    e.get(O1, &t).await.ok();
    let r = e.post(O4, &t, json!({"customer_id": "x"})).await;
    assert_eq!((r.status, r.code()), (StatusCode::TOO_MANY_REQUESTS, "CBC.0250"));

    // CORS for the allowed origin, including the X-Language header in a preflight.
    let req = Request::builder()
        .method(Method::OPTIONS)
        .uri(O4)
        .header("origin", "http://localhost:3000")
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "content-type,x-auth-token,x-language")
        .body(Body::empty())
        .unwrap();
    let r = e.send(req).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert!(r.header("access-control-allow-headers").unwrap().contains("x-language"));
    let req = Request::builder()
        .method(Method::GET)
        .uri(O1)
        .header("origin", "http://localhost:3000")
        .header("x-auth-token", &t)
        .body(Body::empty())
        .unwrap();
    let r = e.send(req).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.header("access-control-allow-origin"), Some("http://localhost:3000"));
    assert!(r.header("access-control-expose-headers").unwrap().contains("X-Request-Id"));
}

#[test]
fn seeded_orders_are_deterministic_and_realistic() {
    let (a, b, c) = (seed::generate(400, 42), seed::generate(400, 42), seed::generate(400, 7));
    assert_eq!(a.orders.rows, b.orders.rows);
    assert_ne!(a.orders.rows, c.orders.rows);
    for ix in [0, 17, 399] {
        assert_eq!(format!("{:?}", book(&a, ix)), format!("{:?}", book(&b, ix)));
    }
    // A customer's orders do not depend on how many customers were seeded.
    let small = seed::generate(50, 42);
    assert_eq!(small.orders.of_customer(10), a.orders.of_customer(10));
    assert_eq!(format!("{:?}", book(&small, 10)), format!("{:?}", book(&a, 10)));

    let big = seed::generate(5000, 42);
    let now = seed::reference_now();
    let window = chrono::Duration::days(sandbox::seed_orders::WINDOW_DAYS);
    let mut none = 0;
    let mut seen_ids = HashSet::new();
    for (ix, cust) in big.customers.iter().enumerate() {
        let rows = big.orders.of_customer(ix as CustomerIx);
        assert!(rows.len() <= 6);
        none += rows.is_empty() as usize;
        for (i, r) in rows.iter().enumerate() {
            let t = r.create_time();
            assert!(t < now && now - t <= window && t > cust.associated_on, "{r:?}");
            assert_eq!(r.ordinal as usize, i);
            assert!([1, 2, 3, 4, 5, 6, 9].contains(&(r.status as i32)));
            if r.status == 6 {
                assert!(now - t < chrono::Duration::days(sandbox::seed_orders::PAYMENT_DAYS));
            }
            assert_eq!(r.payment_time().is_some(), r.status == 5 || r.status == 3);
            assert!(r.payment_time().is_none_or(|p| p >= t && p < now));
            assert!(seen_ids.insert(r.order_id()));
            assert_eq!(big.orders.find(&r.order_id().to_lowercase()), Some(r));
        }
    }
    let share = none as f64 / big.customers.len() as f64;
    assert!((0.1..0.3).contains(&share), "{share}");
    let total = big.orders.rows.len() as f64 / big.customers.len() as f64;
    assert!((2.0..3.2).contains(&total), "{total}");
    let completed = big.orders.rows.iter().filter(|r| r.status == 5).count() as f64 / big.orders.rows.len() as f64;
    assert!((0.75..0.95).contains(&completed), "{completed}");
    // Resources: yearly/monthly ones with ids per service, attached ones under their main.
    let mut resources = 0;
    for ix in (0..5000).step_by(25) {
        let bk = book(&big, ix);
        resources += bk.resources.len();
        for r in &bk.resources {
            assert!(r.resource_id.starts_with(r.product.id_prefix));
            assert_eq!(r.is_main, r.parent.is_none());
            if let Some(p) = &r.parent {
                assert!(bk.resources.iter().any(|m| &m.resource_id == p && m.is_main));
            }
        }
        for o in &bk.orders {
            assert_eq!(o.id.len(), 17);
            assert!(o.money().after() >= 0 && o.money().after() <= o.money().official);
        }
    }
    assert!(resources > 100, "{resources}");
}
