//! Seeded S12 data (docs/contracts/koogallery.md): who is a 严选 partner, their KooGallery
//! contacts, and marketplace orders of the first customers (C1 order) of the distributor and
//! each reseller. Order ids and statuses do not depend on the seed or the number of customers
//! (`KGHZ0001`, `KGCB0001`, …: the n-th order of a partner always has the n-th status of
//! [`CYCLE`]); which customer holds it, the product and the times do. Times are relative to
//! the seed's reference "now" (2026-11-20T00:00:00Z), like every other seed.

use crate::prng::Prng;
use crate::store::{CustomerIx, Data, PartnerIx};
use chrono::{Duration, TimeZone, Utc};
use partner_api::koogallery::{status, MarketplaceOrder, PriceAdjustRecord};
use partner_api::money::MEASURE_YUAN;
use partner_api::time::Instant;
use partner_api::Amount;
use rust_decimal::Decimal;

/// (account, selected since): the 严选 partners.
pub const SELECTED: &[(&str, (i32, u32, u32))] = &[("hz_distributor", (2025, 4, 1)), ("cloudbridge_it", (2025, 9, 15))];

/// (account, name, e-mail) of the KooGallery ecosystem contact (云商店生态经理) of China-site
/// resellers and distributors.
pub const CONTACTS: &[(&str, &str, &str)] = &[
    ("hz_distributor", "周敏", "zhou.min@koogallery.example.com"),
    ("cloudbridge_it", "周敏", "zhou.min@koogallery.example.com"),
    ("deepblue_data", "罗佳", "luo.jia@koogallery.example.com"),
];

/// (account, order id prefix) of the partners whose customers have marketplace orders.
pub const PARTNERS: &[(&str, &str)] =
    &[("hz_distributor", "KGHZ"), ("cloudbridge_it", "KGCB"), ("deepblue_data", "KGDB"), ("nimbus_solutions", "KGNB")];

/// How many of a partner's first customers (C1 order) have orders.
pub const CUSTOMERS_WITH_ORDERS: usize = 12;

/// (product, seller (ISV), spec, price in cents).
pub const PRODUCTS: &[(&str, &str, &str, i64)] = &[
    ("云速建站 标准版", "云中企网络科技有限公司", "标准版 | 1年", 399_900),
    ("企业邮箱 专业版", "网讯邮通信息技术有限公司", "50用户 | 1年", 540_000),
    ("SSL证书 DV单域名", "信安认证服务有限公司", "1个域名 | 1年", 120_000),
    ("Odoo ERP Cloud", "OpenBiz Software Ltd.", "Standard | 20 users | 1 year", 1_200_000),
    ("财务云 星辰标准版", "金算盘软件有限公司", "标准版 | 5用户 | 1年", 698_000),
    ("智能客服机器人", "智语博创科技有限公司", "基础版 | 3坐席 | 1年", 980_000),
    ("WordPress 一键部署", "Websoft Labs Inc.", "1 instance | 1 month", 12_000),
    ("GitLab 部署与迁移服务", "极码科技有限公司", "一次性服务", 250_000),
    ("数据库审计 SaaS", "安衡信息技术有限公司", "2数据库实例 | 1年", 1_560_000),
    ("CRM Cloud Suite", "Salesnova Inc.", "Professional | 10 users | 1 year", 864_000),
];

/// What the n-th order of a partner is (n from 0, cycling).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Pending, lapses 4–7 days after "now".
    Pending,
    /// Pending, lapses 2 hours after "now" (advance `/__sandbox/voucher-clock` to lapse it).
    PendingSoon,
    /// Pending with one seeded price cut (−10 %).
    PendingAdjusted,
    /// Pending, lapsed 2 days before "now": answered as `CLOSED`.
    PendingLapsed,
    Paid,
    /// Paid after one seeded price cut (−5 %).
    PaidAdjusted,
    Cancelled,
    Closed,
}

pub const CYCLE: &[Case] = &[
    Case::Pending,
    Case::Paid,
    Case::PendingSoon,
    Case::Cancelled,
    Case::PendingAdjusted,
    Case::Closed,
    Case::PendingLapsed,
    Case::Paid,
    Case::Pending,
    Case::PaidAdjusted,
];

/// A seeded order and its owner.
pub struct OrderSeed {
    pub partner: PartnerIx,
    pub customer: CustomerIx,
    pub order: MarketplaceOrder,
}

/// A seeded record and its owner.
pub struct RecordSeed {
    pub partner: PartnerIx,
    pub customer: CustomerIx,
    pub record: PriceAdjustRecord,
}

pub fn at(y: i32, m: u32, d: u32) -> Instant {
    Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).single().expect("valid seed date")
}

const SALT: u64 = 0x6b6f_6f67; // "koog"

fn cut(a: Amount, percent_off: i64) -> Amount {
    Amount(a.0 * Decimal::new(100 - percent_off, 2)).round2()
}

/// The seeded orders (in partner, then id order) and the records of their seeded cuts.
pub fn orders(data: &Data, seed: u64) -> (Vec<OrderSeed>, Vec<RecordSeed>) {
    let now = crate::seed::reference_now();
    let (mut orders, mut records) = (Vec::new(), Vec::new());
    for &(account, prefix) in PARTNERS {
        let Some(p) = data.partner_by_account(account) else { continue };
        let partner = &data.partners[p];
        let currency = if partner.site == "intl" { "USD" } else { "CNY" };
        let admin = partner.users.first().copied();
        let mut rng = Prng::derive(seed ^ SALT, p as u64);
        let mut n = 0usize;
        for (i, &c) in partner.customers.iter().take(CUSTOMERS_WITH_ORDERS).enumerate() {
            let cu = data.customer(c);
            for _ in 0..1 + i % 3 {
                let case = CYCLE[n % CYCLE.len()];
                n += 1;
                let (product, seller, spec, cents) = *rng.pick(PRODUCTS);
                let original = Amount::from_cents(cents);
                let hours = |lo: i64, hi: i64, rng: &mut Prng| Duration::hours(rng.between(lo, hi));
                let created = match case {
                    Case::Pending | Case::PendingAdjusted => now - hours(1, 72, &mut rng),
                    Case::PendingSoon => now - Duration::days(7) + Duration::hours(2),
                    Case::PendingLapsed => now - Duration::days(9),
                    _ => now - hours(80, 60 * 24, &mut rng),
                };
                let stored = match case {
                    Case::Paid | Case::PaidAdjusted => status::PAID,
                    Case::Cancelled => status::CANCELLED,
                    Case::Closed => status::CLOSED,
                    _ => status::PENDING_PAYMENT,
                };
                let mut order = MarketplaceOrder {
                    order_id: format!("{prefix}{n:04}"),
                    customer_id: cu.id.clone(),
                    customer_name: cu.customer.clone(),
                    product_name: product.into(),
                    seller_name: seller.into(),
                    spec_desc: spec.into(),
                    original_amount: original,
                    amount: original,
                    currency: currency.into(),
                    measure_id: MEASURE_YUAN,
                    status: stored.into(),
                    created_time: created,
                    expire_time: Some(created + Duration::days(7)),
                    adjusted_times: 0,
                    last_adjusted_time: None,
                };
                let off = match case {
                    Case::PendingAdjusted => Some(10),
                    Case::PaidAdjusted => Some(5),
                    _ => None,
                };
                if let Some(off) = off {
                    let when = created + Duration::minutes(40);
                    let new_amount = cut(original, off);
                    let operator = cu.account_manager.or(admin).map(|u| &data.users[u]);
                    records.push(RecordSeed {
                        partner: p,
                        customer: c,
                        record: PriceAdjustRecord {
                            adjust_id: String::new(),
                            order_id: order.order_id.clone(),
                            customer_id: cu.id.clone(),
                            customer_name: cu.customer.clone(),
                            product_name: product.into(),
                            old_amount: original,
                            new_amount,
                            currency: currency.into(),
                            measure_id: MEASURE_YUAN,
                            reason: "老客户续费优惠 Loyalty discount".into(),
                            operator: operator.map(|u| u.name.clone()).unwrap_or_default(),
                            operator_name: operator.map(|u| u.display_name.clone()).unwrap_or_default(),
                            operation_time: when,
                        },
                    });
                    order.amount = new_amount;
                    order.adjusted_times = 1;
                    order.last_adjusted_time = Some(when);
                }
                orders.push(OrderSeed { partner: p, customer: c, order });
            }
        }
    }
    // Record ids in time order, as the provider numbers them.
    records.sort_by_key(|a| a.record.operation_time);
    for (i, r) in records.iter_mut().enumerate() {
        r.record.adjust_id = format!("KA{:08}", i + 1);
    }
    (orders, records)
}
