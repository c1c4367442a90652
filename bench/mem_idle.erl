%% mem_idle.erl — N idle processes, then exit; the same as bench/mem_idle.lua.
%% Memory per idle process is measured from outside, the same way on both
%% sides: peak RSS (/usr/bin/time -f %M) of a run with N = 1000000 minus that
%% of a run with N = 0, divided by N (bench/run_procbench.py does this).
%%   erlc -o /tmp bench/mem_idle.erl
%%   erl -noshell +S 1 +P 2000000 -pa /tmp -run mem_idle main [N=1000000]
%% (+P 2000000: the default limit is 262144 processes; both runs use the same
%% flags so that the process table is in the baseline.)
%% Prints:
%%   mem_idle: N procs, spawn loop T1 ms, all idle after T2 ms (X us each)
%% "all idle": a process spawned after the N sends ready; the run queue is
%% FIFO, so when it runs every one of the N has reached its receive.
-module(mem_idle).
-export([main/0, main/1]).

main() -> main([]).

main(Args) ->
    N = case Args of [] -> 1000000; [A | _] -> list_to_integer(A) end,
    Self = self(),
    T0 = erlang:monotonic_time(nanosecond),
    spawn_idle(N),                                    % pids not kept
    T1 = erlang:monotonic_time(nanosecond),
    spawn(fun() -> Self ! ready end),
    receive ready -> ok end,
    T2 = erlang:monotonic_time(nanosecond),
    io:format("mem_idle: ~b procs, spawn loop ~.1f ms, all idle after ~.1f ms (~.3f us each)~n",
              [N, (T1 - T0) / 1.0e6, (T2 - T0) / 1.0e6,
               case N of 0 -> 0.0; _ -> (T2 - T0) / 1000 / N end]),
    erlang:halt(0).                                   % at once: the N are still waiting

spawn_idle(0) -> ok;
spawn_idle(K) -> spawn(fun() -> receive die -> ok end end), spawn_idle(K - 1).
