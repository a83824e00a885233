"""Deterministic content for the browser check's form submissions.

Long Japanese texts for the free-text fields and a payroll-system style staff CSV, generated
here so that no large fixture is committed. Same output on every run (no randomness, no dates
taken from the clock).
"""

from __future__ import annotations

import csv
import datetime
import io

# Characters that are easy to break somewhere between the browser and the page that shows the
# text again: HTML specials, full-width and half-width forms, CP932 extension kanji, a kanji
# outside the BMP (𠮷, two UTF-16 units), circled digits, a wave dash.
_AWKWARD = "（注：A&B、<重要>、\"引用\"、'単引用'、ＡＢＣ１２３、ｶﾀｶﾅ、髙橋・山﨑・𠮷田、①②③、〜）"


def text_units(text: str) -> int:
    """The length a browser's maxlength may count: UTF-16 units, each line break as CR LF (2)."""
    return len(text.encode("utf-16-le")) // 2 + text.count("\n")


def japanese_text(sentences: list[str], units: int, heading: str) -> str:
    """A text of exactly `units` (see text_units) built from `sentences`.

    Paragraphs of three numbered sentences, separated by a line break, the awkward characters
    once near the start. Starts with `heading` and ends with 「。」, so trimming changes nothing.
    """
    parts = [f"【{heading}】", _AWKWARD, "\n"]
    n = 0
    while text_units("".join(parts)) < units + 40:
        sentence = sentences[n % len(sentences)]
        parts.append(f"（{n + 1}）{sentence}")
        n += 1
        if n % 3 == 0:
            parts.append("\n")
    text = "".join(parts)
    # Cut to units - 1, never inside a surrogate pair or right after a line break, then end the sentence.
    while text_units(text) > units - 1 or text.endswith(("\n", " ")):
        text = text[:-1]
    return text + "。"


def line_list(items: list[str], units: int) -> str:
    """One item a line (「・…（n）」), as many as fit in `units` (see text_units)."""
    lines: list[str] = []
    n = 0
    while True:
        line = f"・{items[n % len(items)]}（{n + 1}）"
        if text_units("\n".join(lines + [line])) > units:
            return "\n".join(lines)
        lines.append(line)
        n += 1


CAREER_PLAN = [
    "窓口業務で身につけた市民対応の基礎を生かし、今後三年間は制度の企画と運用の両方に関わりたいと考えています",
    "住民記録係では転入・転出の繁忙期に待ち時間を短くする工夫を係内で提案し、番号札の運用を見直しました",
    "地域の方と直接話す機会が多い市民協働部署を経験し、地域課題を施策につなげる力を伸ばしたいです",
    "将来は企画政策課で総合計画の進行管理に携わり、データに基づく施策評価の仕組みづくりに貢献したいと考えています",
    "そのために統計の基礎と行政評価の手法を学び、庁内研修にも積極的に参加します",
    "後輩職員への業務の引継ぎや手順書の整備にも取り組み、係全体の力を底上げしたいと思います",
]
THEMES = [
    "子育て世帯向けの手続をオンラインで完結させる取組に、窓口で聞いた声を届ける形で参加したいです",
    "公共施設の再配置では、地区市民センターの利用者へのアンケート設計と結果の分析を担えます",
    "防災分野では、避難所運営訓練の企画や要配慮者名簿の更新手順の見直しに関心があります",
    "職員の働き方改革として、紙の回議を減らすための様式の統一に取り組みたいと考えています",
]
SKILLS = [
    "住民基本台帳事務と戸籍の届出受付の実務（4年）",
    "表計算ソフトでの集計とピボットテーブルによる分析、簡単なマクロの作成",
    "日商簿記2級、ITパスポート、普通自動車第一種運転免許",
    "英語での窓口案内（日常会話程度）、やさしい日本語での説明",
    "会議の進行とファシリテーション、議事録の作成",
]
CIRCUMSTANCES = [
    "小学校低学年の子がいるため、当面は時間外勤務の少ない部署を希望します",
    "通勤に片道一時間かかっており、早朝・夜間の会議がある場合は事前の調整を希望します",
    "親の通院の付き添いで月に一、二度休暇を取ることがあります",
]
WISH_REASON = [
    "これまでの窓口経験を生かし、制度の企画に挑戦したいため",
    "市の施策全体を見渡す仕事を経験し、将来の政策立案に役立てたいため",
    "地域の方と直接関わる中で課題を見つけ、関係課につなぐ役割を担いたいため",
]
PROFILE_MISSION = [
    "市民課は、住民票の写しや戸籍証明書の交付、転入・転出・転居の届出、マイナンバーカードの交付を担う市役所の玄関口です",
    "年間およそ十二万件の窓口手続を、正確さと分かりやすさを両立させながら処理しています",
    "外国籍の住民の方や高齢の方にも安心して手続していただけるよう、やさしい日本語の案内と通訳タブレットを用意しています",
    "書かない窓口の導入を進めており、来庁者が申請書を書く負担を減らす取組を庁内の関係課と進めています",
    "個人情報を扱う部署として、本人確認と情報管理を徹底しています",
]
PROFILE_WORK = [
    "住民異動届の受付と審査、住民票の記載",
    "戸籍届出の受付と法務局との照会",
    "マイナンバーカードの交付と暗証番号の再設定",
    "証明書コンビニ交付の運用と障害対応",
    "窓口の混雑状況の発信と予約制の運用",
]
PROFILE_BUSY = [
    "三月下旬から四月上旬は転入・転出が集中し、一日の来庁者が通常の三倍になります",
    "繁忙期は係を越えて応援体制を組み、土曜日の臨時開庁も行います",
    "マイナンバーカードの更新時期にあたる年は、秋以降も交付窓口が混み合います",
]
PROFILE_VOICES = [
    "最初は覚えることの多さに驚きましたが、係内の手順書と先輩の声かけのおかげで三か月ほどで一人で窓口に立てるようになりました",
    "「丁寧に説明してくれてありがとう」と言われたときが一番うれしい瞬間です",
    "制度改正が多い部署なので、毎朝のミーティングで変更点を共有しています",
]
PROFILE_CAREER = [
    "市民対応の基礎と、法令に基づいて正確に事務を進める力が身につきます",
    "ここで経験した窓口の声は、企画や制度設計の部署に移ってからも必ず生きてきます",
    "多くの職員が採用後早い時期に経験し、その後さまざまな部署で活躍しています",
]
SURVEY_COMMENT = [
    "異動の希望を伝える機会はありますが、結果について上司と話す時間が短いと感じています",
    "研修は内容が充実している一方、繁忙期と重なると参加しにくいので、録画での受講を増やしてほしいです",
    "他の課の仕事を知る機会として、部署紹介のページはとても参考になりました",
    "若手職員同士で業務改善のアイデアを話し合える場があると、職場の魅力がさらに高まると思います",
    "人材育成基本方針の内容を、具体的な取組の例と一緒に知りたいです",
]


# ------------------------------------------------------------------ staff CSV ---

# Header as a payroll system writes it: aliases of the standard names (職員No, 漢字氏名, カナ氏名,
# 職層) and one column the import ignores (所属名).
STAFF_CSV_HEADER = ["職員No", "漢字氏名", "カナ氏名", "生年月日", "性別", "採用年月日", "職種", "職層", "雇用区分", "所属名"]
STAFF_CSV_FIRST_NUMBER = 900101  # written zero-padded to seven digits: 0900101 …; the demo city uses 100001 …

_FAMILY = [("佐藤", "サトウ"), ("鈴木", "スズキ"), ("髙橋", "タカハシ"), ("田中", "タナカ"), ("伊藤", "イトウ"),
           ("渡辺", "ワタナベ"), ("山本", "ヤマモト"), ("中村", "ナカムラ"), ("小林", "コバヤシ"), ("加藤", "カトウ"),
           ("吉田", "ヨシダ"), ("山田", "ヤマダ"), ("佐々木", "ササキ"), ("山﨑", "ヤマザキ"), ("松本", "マツモト"),
           ("井上", "イノウエ"), ("木村", "キムラ"), ("林", "ハヤシ"), ("清水", "シミズ"), ("斎藤", "サイトウ"),
           ("池田", "イケダ"), ("橋本", "ハシモト"), ("阿部", "アベ"), ("石川", "イシカワ"), ("前田", "マエダ")]
_GIVEN_MALE = [("翔太", "ショウタ"), ("大輔", "ダイスケ"), ("健一", "ケンイチ"), ("誠", "マコト"), ("拓也", "タクヤ"),
               ("浩二", "コウジ"), ("直樹", "ナオキ"), ("悠真", "ユウマ"), ("蓮", "レン"), ("和也", "カズヤ"), ("隆", "タカシ")]
_GIVEN_FEMALE = [("花子", "ハナコ"), ("美咲", "ミサキ"), ("由美", "ユミ"), ("陽菜", "ヒナ"), ("恵子", "ケイコ"),
                 ("彩", "アヤ"), ("真由美", "マユミ"), ("結衣", "ユイ"), ("千尋", "チヒロ"), ("裕子", "ユウコ"), ("葵", "アオイ")]
_JOBS = [("事務", ["主事", "主任", "係長", "課長補佐", "課長"]), ("土木", ["技師", "主任技師", "係長", "課長補佐"]),
         ("建築", ["技師", "主任技師", "係長"]), ("保健師", ["主事", "主任", "係長"]), ("保育士", ["主事", "主任"]),
         ("社会福祉士", ["主事", "主任", "係長"]), ("電気", ["技師", "主任技師"])]
_SECTIONS = ["市民課", "財政課", "企画政策課", "人事課", "道路課", "こども保育課", "健康増進課", "中央地区市民センター"]

_HALF_KANA = dict(zip(
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲンャュョッー",
    "ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝｬｭｮｯｰ"))
_VOICED = {"ガ": "ｶﾞ", "ギ": "ｷﾞ", "グ": "ｸﾞ", "ゲ": "ｹﾞ", "ゴ": "ｺﾞ", "ザ": "ｻﾞ", "ジ": "ｼﾞ", "ズ": "ｽﾞ", "ゼ": "ｾﾞ",
           "ゾ": "ｿﾞ", "ダ": "ﾀﾞ", "デ": "ﾃﾞ", "ド": "ﾄﾞ", "バ": "ﾊﾞ", "ビ": "ﾋﾞ", "ブ": "ﾌﾞ", "ベ": "ﾍﾞ", "ボ": "ﾎﾞ",
           "パ": "ﾊﾟ", "ピ": "ﾋﾟ", "プ": "ﾌﾟ", "ペ": "ﾍﾟ", "ポ": "ﾎﾟ"}


def half_width_kana(text: str) -> str:
    """Full-width katakana as older payroll systems export it (ﾀｶﾊｼ ｼｮｳﾀ)."""
    return "".join(_VOICED.get(ch) or _HALF_KANA.get(ch) or (" " if ch == "　" else ch) for ch in text)


_ERAS = [(datetime.date(2019, 5, 1), "令和", "R"), (datetime.date(1989, 1, 8), "平成", "H"),
         (datetime.date(1926, 12, 25), "昭和", "S")]


def _wareki(day: datetime.date, kanji: bool) -> str | None:
    for start, name, letter in _ERAS:
        if day >= start:
            year = day.year - start.year + 1
            if year == 1:
                return None  # 元年: written in the Gregorian calendar instead
            return f"{name}{year}年{day.month}月{day.day}日" if kanji else f"{letter}{year}.{day.month}.{day.day}"
    return None


def _date_text(day: datetime.date, style: int) -> str:
    """The date styles payroll exports use: 1988/01/09, S63.1.9, 昭和63年1月9日, 1988-01-09."""
    if style == 1:
        return _wareki(day, kanji=False) or day.strftime("%Y/%m/%d")
    if style == 2:
        return _wareki(day, kanji=True) or f"{day.year}年{day.month}月{day.day}日"
    if style == 3:
        return day.isoformat()
    return day.strftime("%Y/%m/%d")


def staff_rows(count: int = 120) -> list[dict]:
    """`count` new staff members: number, name, kana, dates and the rest, as the CSV states them."""
    rows = []
    for i in range(count):
        female = i % 5 in (1, 3, 4)
        family, family_kana = _FAMILY[(i * 7) % len(_FAMILY)]
        givens = _GIVEN_FEMALE if female else _GIVEN_MALE
        given, given_kana = givens[(i * 5 + i // len(_FAMILY)) % len(givens)]
        birth = datetime.date(1962 + (i * 13) % 42, 1 + (i * 5) % 12, 1 + (i * 11) % 28)
        # University graduates start on the April 1 after turning 22 (school year from April 2);
        # some are mid-career hires up to twelve years later. Nobody is hired after 2026-04-01.
        graduation = birth.year + 22 + (1 if (birth.month, birth.day) >= (4, 2) else 0)
        age = 2026 - birth.year
        if i % 12 == 7:
            employment, hire = "会計年度任用", datetime.date(2025 + i % 2, 4, 1)
        elif age >= 62:
            # Past the retirement age (62 in FY2026): re-appointed, full-time or short-time.
            employment = "再任用" if i % 2 else "再任用（フルタイム）"
            hire = datetime.date(min(2026, graduation + (i % 4)), 4, 1)
        elif age >= 60 and i % 2:
            employment, hire = "定年前再任用短時間", datetime.date(graduation, 4, 1)
        else:
            employment = "常勤" if i % 9 else "正規職員"
            hire = datetime.date(min(2026, graduation + (i % 13 if i % 3 == 0 else 0)), 4, 1)
        job, grades = _JOBS[(i * 3) % len(_JOBS)] if i % 4 == 0 else _JOBS[0]
        seniority = max(0, min(len(grades) - 1, (2026 - hire.year) // 7))
        kana = f"{family_kana}　{given_kana}"
        rows.append({
            "number": f"{STAFF_CSV_FIRST_NUMBER + i:07d}",
            "name": f"{family}　{given}",
            "kana": half_width_kana(kana) if i % 2 == 0 else kana,
            "birth": _date_text(birth, i % 4),
            "gender": ("2" if female else "1") if i % 3 == 0 else ("" if i % 29 == 5 else ("女" if female else "男")),
            "hire": _date_text(hire, (i + 1) % 4),
            "job": job,
            "grade": grades[seniority] if employment != "会計年度任用" else "会計年度任用職員",
            "employment": employment,
            "section": _SECTIONS[i % len(_SECTIONS)],
        })
    return rows


def staff_csv(count: int = 120) -> bytes:
    """The rows as a payroll system exports them: CP932, CRLF, every field quoted."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(STAFF_CSV_HEADER)
    for r in staff_rows(count):
        writer.writerow([r["number"], r["name"], r["kana"], r["birth"], r["gender"], r["hire"], r["job"],
                         r["grade"], r["employment"], r["section"]])
    return out.getvalue().encode("cp932")


if __name__ == "__main__":  # print a sample: python ui/formdata.py
    import sys
    sample = japanese_text(CAREER_PLAN, 2000, "キャリアプラン")
    print(f"{len(sample)} characters, {text_units(sample)} units\n{sample[:300]}…\n")
    sys.stdout.write(staff_csv(5).decode("cp932"))
