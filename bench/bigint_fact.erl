%% bigint_fact.erl — big-number arithmetic on BEAM: the Erlang side of
%% bigint_fact.lua (same workloads, same lines: names, results, milliseconds).
%%   erlc bigint_fact.erl && erl -noshell -s bigint_fact main [N [M [R]]] -s init stop
%% fact:   N! by a running product; fib: F(M) by M additions;
%% square: R squarings of an R*64-bit number, reduced mod 2^(R*64);
%% text:   N! to decimal.
-module(bigint_fact).
-export([main/0, main/1]).

main() -> main([]).

main(Args) ->
    [N, M, R] = args(Args, [20000, 200000, 500]),
    {Ms1, F} = timed(fun() -> fact(2, N, 1) end),
    {Ts, S} = timed(fun() -> integer_to_list(F) end),
    io:format("fact: n=~p digits=~p digitsum=~p ~.1f ms~n", [N, length(S), digitsum(S), Ms1]),
    {Ms2, Fib} = timed(fun() -> fib(M, 0, 1) end),
    S2 = integer_to_list(Fib),
    io:format("fib: m=~p digits=~p digitsum=~p ~.1f ms~n", [M, length(S2), digitsum(S2), Ms2]),
    Mod = 1 bsl (R * 64),
    {Ms3, X} = timed(fun() -> square(R, pow(3, R * 40) + 12345, Mod) end),
    S3 = integer_to_list(X),
    io:format("square: r=~p digits=~p digitsum=~p ~.1f ms~n", [R, length(S3), digitsum(S3), Ms3]),
    io:format("text: n=~p ~.1f ms~n", [N, Ts]).

args([], Defaults) -> Defaults;
args([A | Rest], [_ | Defaults]) -> [list_to_integer(atom_to_list(A)) | args(Rest, Defaults)];
args(_, []) -> [].

timed(F) ->
    T0 = erlang:monotonic_time(microsecond),
    R = F(),
    {(erlang:monotonic_time(microsecond) - T0) / 1000, R}.

fact(I, N, P) when I > N -> P;
fact(I, N, P) -> fact(I + 1, N, P * I).

fib(0, A, _) -> A;
fib(K, A, B) -> fib(K - 1, B, A + B).

square(0, X, _) -> X;
square(K, X, Mod) -> square(K - 1, (X * X + 1) rem Mod, Mod).

pow(_, 0) -> 1;
pow(B, E) when E rem 2 =:= 0 -> H = pow(B, E div 2), H * H;
pow(B, E) -> B * pow(B, E - 1).

digitsum(S) -> lists:sum([C - $0 || C <- S]).
