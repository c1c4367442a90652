%% otp_bench.erl — the workloads of bench/otp_bench.lua on BEAM:
%%   gen_server_call:    N synchronous calls to a counter gen_server
%%   supervisor_restart: a one_for_one supervisor with one gen_server child;
%%                       M times: kill the child, wait until the supervisor
%%                       has restarted it (the new child's init tells us)
%% Usage:
%%   erlc -o /tmp bench/otp_bench.erl
%%   erl -noshell -pa /tmp -run otp_bench main [N=200000] [M=5000] -s init stop
%% Prints:
%%   gen_server_call: N calls, X us/call
%%   supervisor_restart: M restarts, X us/restart
%% The logger is silenced (the supervisor's reports would go to stdout).
-module(otp_bench).
%% (a gen_server and a supervisor callback module at once: no -behaviour lines,
%% as both want init/1)
-export([main/0, main/1]).
-export([init/1, handle_call/3, handle_cast/2, start_child/1]).

main() -> main([]).

main(Args) ->
    {N, M} = case Args of
                 [] -> {200000, 5000};
                 [A] -> {list_to_integer(A), 5000};
                 [A, B | _] -> {list_to_integer(A), list_to_integer(B)}
             end,
    logger:set_primary_config(level, none),
    call_bench(N),
    restart_bench(M).

%% gen_server callbacks: a counter (init {counter, 0}) or a child that
%% tells its owner it is up (init {child, Owner})
init({counter, N}) -> {ok, N};
init({child, Owner}) -> Owner ! {up, self()}, {ok, Owner};
%% supervisor callback
init({sup, M, Owner}) ->
    {ok, {#{strategy => one_for_one, intensity => M + 10, period => 3600},
          [#{id => child, start => {?MODULE, start_child, [Owner]},
             shutdown => brutal_kill}]}}.

handle_call(inc, _From, N) -> {reply, N + 1, N + 1}.
handle_cast(_, S) -> {noreply, S}.

start_child(Owner) -> gen_server:start_link(?MODULE, {child, Owner}, []).

call_bench(N) ->
    {ok, Pid} = gen_server:start_link(?MODULE, {counter, 0}, []),
    calls(Pid, 1000),                                  % warm up
    T0 = erlang:monotonic_time(nanosecond),
    calls(Pid, N),
    T1 = erlang:monotonic_time(nanosecond),
    R = gen_server:call(Pid, inc),
    R = N + 1001,
    gen_server:stop(Pid),
    io:format("gen_server_call: ~b calls, ~.3f us/call~n", [N, (T1 - T0) / 1000 / N]).

calls(_, 0) -> ok;
calls(Pid, K) -> gen_server:call(Pid, inc), calls(Pid, K - 1).

restart_bench(M) ->
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link(?MODULE, {sup, M, self()}),
    Child = receive {up, C} -> C end,
    T0 = erlang:monotonic_time(nanosecond),
    restarts(Child, M),
    T1 = erlang:monotonic_time(nanosecond),
    unlink(Sup),
    exit(Sup, shutdown),
    io:format("supervisor_restart: ~b restarts, ~.3f us/restart~n", [M, (T1 - T0) / 1000 / M]).

restarts(_, 0) -> ok;
restarts(Child, K) ->
    exit(Child, kill),
    New = receive {up, C} -> C end,
    restarts(New, K - 1).
