%% timers.erl — a million pending timers: N processes, each in a receive with
%% its own timeout; the same as bench/timers.lua.
%%   erlc -o /tmp bench/timers.erl
%%   erl -noshell +S 1 +P 2000000 -pa /tmp -run timers main [N=1000000] [BASE_MS=30000]
%% Process I waits for no message until its deadline T0 + BASE_MS + (I rem 1000)
%% ms (T0: the start; it computes its timeout from the deadline when it starts
%% waiting), then sends fired to the parent. So all deadlines fall in one
%% 999 ms window that opens BASE_MS after the start: BASE_MS must be longer
%% than the setup for the N timers to be pending at the same time
%% ("fired during setup" says how many were not).
%% Prints:
%%   timers: N pending, setup X us each (S ms), fired during setup K,
%%   last fired F ms after the first deadline (window 999 ms), late L ms
%% setup: from T0 until all N are waiting (a process spawned after them sends
%% ready; the run queue is FIFO); F: from the first deadline until the parent
%% has the N-th fired; L: F - 999, how far the last one is behind its deadline.
-module(timers).
-export([main/0, main/1]).

now_ms() -> erlang:monotonic_time(nanosecond) / 1.0e6.

main() -> main([]).

main(Args) ->
    {N, Base} = case Args of
                    [] -> {1000000, 30000};
                    [A] -> {list_to_integer(A), 30000};
                    [A, B | _] -> {list_to_integer(A), list_to_integer(B)}
                end,
    Self = self(),
    T0 = now_ms(),
    First = T0 + Base,
    spawn_timers(Self, First, 1, N),
    spawn(fun() -> Self ! ready end),
    receive ready -> ok end,
    T1 = now_ms(),
    Early = flush(0),
    wait_fired(N - Early),
    T2 = now_ms(),
    Last = if N >= 1000 -> 999; true -> N rem 1000 end,
    io:format("timers: ~b pending, setup ~.3f us each (~.1f ms), fired during setup ~b, "
              "last fired ~.1f ms after the first deadline (window ~b ms), late ~.1f ms~n",
              [N, (T1 - T0) * 1000 / N, T1 - T0, Early, T2 - First, Last, T2 - First - Last]),
    erlang:halt(0).

spawn_timers(_, _, I, N) when I > N -> ok;
spawn_timers(Parent, First, I, N) ->
    Deadline = First + I rem 1000,
    spawn(fun() ->
                  Ms = max(0, ceil(Deadline - now_ms())),     % integer ms
                  receive after Ms -> Parent ! fired end
          end),
    spawn_timers(Parent, First, I + 1, N).

flush(K) -> receive fired -> flush(K + 1) after 0 -> K end.

wait_fired(0) -> ok;
wait_fired(K) -> receive fired -> wait_fired(K - 1) end.
