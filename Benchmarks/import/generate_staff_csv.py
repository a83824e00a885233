#!/usr/bin/env python3
"""Writes a staff CSV of N rows as a payroll system emits it (CP932 or UTF-8 with BOM, CRLF).

Deterministic: the same arguments give the same bytes.
    python3 generate_staff_csv.py --rows 50000 --encoding cp932 -o staff-50k.csv
"""
import argparse

FAMILY = [("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"), ("伊藤", "イトウ"),
          ("渡辺", "ワタナベ"), ("山本", "ヤマモト"), ("中村", "ナカムラ"), ("小林", "コバヤシ"), ("髙橋", "タカハシ"),
          ("山﨑", "ヤマザキ"), ("加藤", "カトウ"), ("吉田", "ヨシダ"), ("山田", "ヤマダ"), ("佐々木", "ササキ")]
GIVEN = [("翔太", "ショウタ"), ("花子", "ハナコ"), ("誠", "マコト"), ("美咲", "ミサキ"), ("健", "ケン"),
         ("由美", "ユミ"), ("大輔", "ダイスケ"), ("陽菜", "ヒナ"), ("蓮", "レン"), ("結衣", "ユイ")]
JOBS = ["事務", "事務", "事務", "技術", "保健師", "保育士", "司書"]
GRADES = ["主事", "主任", "主査", "係長", "課長補佐", "課長"]
EMPLOYMENT = ["常勤", "常勤", "常勤", "常勤", "再任用", "会計年度任用"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50000)
    parser.add_argument("--encoding", choices=["cp932", "utf8"], default="cp932")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    state = 0x9E3779B97F4A7C15

    def rand(n):
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (state >> 33) % n

    lines = ["職員番号,氏名,氏名カナ,生年月日,性別,採用年月日,職種,職位,雇用区分"]
    for i in range(args.rows):
        family, family_kana = FAMILY[rand(len(FAMILY))]
        given, given_kana = GIVEN[rand(len(GIVEN))]
        birth_year, month, day = 1961 + rand(43), 1 + rand(12), 1 + rand(28)
        birth = f"{birth_year}-{month:02d}-{day:02d}"
        if rand(3) == 0:  # some payroll systems write birth dates in 和暦 (Heisei began 1989-01-08)
            showa = (birth_year, month, day) < (1989, 1, 8)
            era, offset = ("S", 1925) if showa else ("H", 1988)
            birth = f"{era}{birth_year - offset}.{month}.{day}"
        hire = f"{birth_year + 22 + rand(8)}/4/1"
        gender = "男" if rand(2) else "女"
        lines.append(",".join([
            f"{100000 + i}", f"{family}　{given}", f"{family_kana} {given_kana}", birth, gender, hire,
            JOBS[rand(len(JOBS))], GRADES[rand(len(GRADES))], EMPLOYMENT[rand(len(EMPLOYMENT))],
        ]))
    text = "\r\n".join(lines) + "\r\n"
    data = text.encode("cp932") if args.encoding == "cp932" else b"\xef\xbb\xbf" + text.encode("utf-8")
    with open(args.output, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
