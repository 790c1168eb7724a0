#!/usr/bin/env python3
# The peer of the metrics benchmark: the same month's turns, response
# rates, inquiry conversion and order attribution, written with pandas the
# way an analyst would, over the same standard-template CSVs.
#
#   python3 bench/metrics_pandas.py 聊天记录.csv 订单.csv > pandas.json
#
# Definitions as docs/METRICS.md and README.md "How metrics are computed":
# a turn is a run of buyer messages up to the first manual reply (robot,
# auto and system messages neither answer nor interrupt); window
# [08:00, 23:00) on the turn's start; an unanswered turn belongs to the
# agent its buyer messages name; orders go to the agent of the last manual
# reply at most 3 days before; inquiring buyers convert when they pay
# within 3 days after their first turn. Times are the shop's wall clock.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import sys
import time

import numpy as np
import pandas as pd

PERIOD = (pd.Timestamp("2026-10-01"), pd.Timestamp("2026-11-01"))
WINDOW = (8, 23)
THRESHOLDS = {"response_rate_30s": 30, "response_rate_3min": 180, "response_rate_5min": 300}
CONVERSION = 3 * 86400


def seconds(column):
    return pd.to_datetime(column, format="%Y-%m-%d %H:%M:%S").astype("int64") // 10**9


def display(account):
    return account.split(":", 1)[-1] if isinstance(account, str) else None


def main(messages_path, orders_path):
    start, end = (int(t.value // 10**9) for t in PERIOD)
    clock = time.perf_counter()

    m = pd.read_csv(messages_path, usecols=["买家", "客服", "发送时间", "发送方"], dtype=str)
    o = pd.read_csv(orders_path, usecols=["买家", "客服", "下单时间", "付款时间", "订单金额", "实付金额"], dtype=str)
    loaded = time.perf_counter()
    m.columns = ["buyer", "agent", "time", "sender"]
    m = m[m["sender"].isin(["买家", "客服"])].copy()
    m["time"] = seconds(m["time"])
    m["row"] = np.arange(len(m))
    m = m.sort_values(["buyer", "time", "row"], kind="mergesort").reset_index(drop=True)

    is_buyer = (m["sender"] == "买家").to_numpy()
    same_buyer = (m["buyer"] == m["buyer"].shift()).to_numpy()
    prev_buyer = np.roll(is_buyer, 1) & same_buyer
    m["turn"] = np.cumsum(is_buyer & ~prev_buyer)
    m["starts"] = is_buyer & ~prev_buyer
    m["answers"] = ~is_buyer & prev_buyer

    turns = m[m["starts"]][["turn", "buyer", "time"]].rename(columns={"time": "start"})
    hints = m[is_buyer].dropna(subset=["agent"]).groupby("turn")["agent"].last().rename("hint")
    answers = m[m["answers"]][["turn", "time", "agent"]].rename(columns={"time": "answer", "agent": "replier"})
    turns = turns.merge(answers, on="turn", how="left").merge(hints, on="turn", how="left")
    turns["owner"] = turns["replier"].fillna(turns["hint"])
    turns = turns[(turns["start"] >= start) & (turns["start"] < end)]

    hour = turns["start"] // 3600 % 24
    in_window = turns[(hour >= WINDOW[0]) & (hour < WINDOW[1])].copy()
    in_window["rt"] = in_window["answer"] - in_window["start"]

    result = {"shop": {}, "agents": {}}

    def put(who, key, numerator, denominator):
        target = result["shop"] if who is None else result["agents"].setdefault(display(who), {})
        target[key] = [float(numerator), float(denominator)]

    def rates(frame, who):
        answered = frame["rt"].notna()
        for key, limit in THRESHOLDS.items():
            put(who, key, (answered & (frame["rt"] <= limit)).sum(), len(frame))
        put(who, "avg_response_time", frame.loc[answered, "rt"].sum(), answered.sum())

    rates(in_window, None)
    for owner, frame in in_window.groupby("owner"):
        rates(frame, owner)

    o.columns = ["buyer", "agent", "created", "paid", "amount", "paid_amount"]
    o["created"] = seconds(o["created"])
    o["paid"] = pd.to_datetime(o["paid"], format="%Y-%m-%d %H:%M:%S")
    o["paid"] = np.where(o["paid"].isna(), np.nan, o["paid"].astype("int64") // 10**9)
    o["paid_amount"] = pd.to_numeric(o["paid_amount"]).fillna(pd.to_numeric(o["amount"]))
    o["is_paid"] = o["paid"].notna()

    # Inquiry conversion: paid within 3 days after the first turn.
    paid = o[o["is_paid"]][["buyer", "paid"]]

    def conversion(first, who):
        joined = first.merge(paid, on="buyer", how="left")
        joined["hit"] = (joined["paid"] >= joined["start"]) & (joined["paid"] - joined["start"] <= CONVERSION)
        hits = joined.groupby("buyer")["hit"].any()
        put(who, "inquiry_conversion_rate", hits.sum(), len(first))

    conversion(turns.groupby("buyer", as_index=False)["start"].min(), None)
    for owner, frame in turns.dropna(subset=["owner"]).groupby("owner"):
        conversion(frame.groupby("buyer", as_index=False)["start"].min(), owner)

    # Attribution: the last manual reply at most 3 days before the order.
    replies = m[~is_buyer][["buyer", "time", "agent"]].rename(columns={"agent": "replier"})
    placed = o[(o["created"] >= start) & (o["created"] < end)].copy()
    placed = pd.merge_asof(placed.sort_values("created"), replies.sort_values("time"),
                           left_on="created", right_on="time", by="buyer",
                           direction="backward", tolerance=CONVERSION)
    placed["owner"] = placed["agent"].fillna(placed["replier"])

    def sales(frame, who):
        put(who, "payment_rate", frame["is_paid"].sum(), len(frame))
        put(who, "agent_sales", frame.loc[frame["is_paid"], "paid_amount"].sum(), 1)

    sales(placed, None)
    for owner, frame in placed.dropna(subset=["owner"]).groupby("owner"):
        sales(frame, owner)

    json.dump(result, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    # For the benchmark's table: reading the CSVs is pandas' import.
    print(f"load {loaded - clock:.2f} s, compute {time.perf_counter() - loaded:.2f} s", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
