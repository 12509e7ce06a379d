"""Varied specs made from the seed spec, for the benchmark and the tests.

Each spec gets its own partner, title, signing date, number and length of areas
and of opening paragraphs, so no two documents share text (a cache keyed on
content could not make the benchmark look better than real use).
"""
from __future__ import annotations

import copy
import datetime as dt
import random
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "specs" / "2024-02-27-okhotsk-kitami.yaml"

PARTNERS = [
    ("北見工業大学", "北見工業大学学長", "鈴木　聡一郎"), ("東京農業大学", "東京農業大学学長", "江口　文陽"),
    ("株式会社セブン－イレブン・ジャパン", "代表取締役社長", "永松　文彦"), ("日本郵便株式会社", "北海道支社長", "松本　浩"),
    ("網走信用金庫", "理事長", "佐藤　一郎"), ("北海道大学", "総長", "寳金　清博"),
    ("オホーツク農業協同組合連合会", "代表理事会長", "高橋　英樹"), ("株式会社北洋銀行", "取締役頭取", "津山　博恒"),
    ("斜里町", "斜里町長", "山内　浩彰"), ("一般社団法人オホーツク観光連盟", "会長", "石井　直樹"),
    ("日本赤十字北海道看護大学", "学長", "中西　康"), ("株式会社ローソン", "北海道カンパニー長", "山田　太郎"),
]
AREAS = ["農林水産業の振興", "地域で活躍する人材の育成", "観光振興・地域の魅力発信", "脱炭素・ゼロカーボン北海道の推進",
         "防災・減災に向けた地域づくり", "公共交通の活性化", "子育て支援", "健康増進・食育", "地域産業のDX推進",
         "文化・スポーツの振興", "移住・定住の促進", "環境保全"]
PHRASES = ["地域の課題解決に向けた取組の推進", "相互の人的・知的資源の活用", "情報発信の強化と交流の促進",
           "先端技術を活用した実証事業への協力", "人材の育成及び交流に関すること", "災害時における相互支援体制の構築"]


def seed_data() -> dict:
    # Dates stay strings, as the project's own loader keeps them.
    return yaml.load(SEED.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def make_spec(i: int, signing: dt.date, rng: random.Random, base: dict | None = None) -> dict:
    data = copy.deepcopy(base or seed_data())
    name, title, person = PARTNERS[i % len(PARTNERS)]
    partner = data["parties"]["kitami_it"]
    partner.update(name=name, formal_name=f"{name}（第{i + 1}号）", representative={"title": title, "name": person})
    partner["statements"] = [rng.choice(PHRASES) + "に貢献します。" for _ in range(rng.randint(1, 3))]
    agreement_title = f"北海道オホーツク総合振興局と{name}との包括連携協定（その{i + 1}）"
    data["agreement"]["title"] = agreement_title
    data["agreement"]["signing_date"] = signing.isoformat()
    # the first term runs to the end of the fiscal year after the signing (as the seed's does)
    next_fy_end = dt.date(signing.year + (2 if signing.month >= 4 else 1), 3, 31)
    data["agreement"].setdefault("validity", {})["end"] = next_fy_end.isoformat()
    data["agreement"]["areas"] = [
        {"heading": f"{area}に関する事項",
         "items": [rng.choice(PHRASES) + "　等" * (k == 0) for k in range(rng.randint(1, 4))]}
        for area in rng.sample(AREAS, rng.randint(2, 7))]
    notice = data["press_notice"]
    notice["issue_date"] = (signing - dt.timedelta(days=rng.randint(5, 14))).isoformat()
    notice["subject"] = agreement_title + "締結式について"
    notice["ceremony"]["date"] = signing.isoformat()
    notice["opening"] = [f"今般、北海道オホーツク総合振興局と{name}は、" + "、".join(rng.sample(PHRASES, 3))
                         + "を目的に連携協定を締結することとしました。",
                         "つきましては、本協定の締結式を次のとおり執り行います。"]
    paragraphs = notice["background"]["paragraphs"]
    notice["background"]["paragraphs"] = paragraphs[:rng.randint(1, len(paragraphs))]
    notice["press_request"]["deadline"] = (signing - dt.timedelta(days=3)).isoformat() + "T17:00"
    return data


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def write_specs(folder: Path, dates: list[dt.date], seed: int = 1, notice_only: bool = False) -> list[Path]:
    """One spec per date, named by date and number so a folder lists in date order.
    notice_only: no agreement section, so the spec makes its press notice only (no
    overview sheet, no agreement)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng, base, out = random.Random(seed), seed_data(), []
    for i, signing in enumerate(dates):
        path = folder / f"{signing.isoformat()}-{i:04d}.yaml"
        data = make_spec(i, signing, rng, base)
        if notice_only:
            del data["agreement"]
            # no overview sheet to attach: the attachment is listed by its title only
            data["press_notice"]["attachments"] = [a["title"] if isinstance(a, dict) else a
                                                   for a in data["press_notice"].get("attachments", [])]
        path.write_text(dump(data), encoding="utf-8")
        out.append(path)
    return out


def spread_dates(n: int, start: dt.date = dt.date(2023, 4, 1), days: int = 1095, seed: int = 2) -> list[dt.date]:
    rng = random.Random(seed)
    return [start + dt.timedelta(days=rng.randrange(days)) for _ in range(n)]
