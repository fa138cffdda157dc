"""A stand-in for micrograd.engine, so the tests of generated Python run without pip.

Written from micrograd's documented behaviour, not copied from it: a Value holds data, grad,
the Values it was made from (_prev) and the op that made it (_op); each op's _backward adds
local derivative * out.grad into its inputs' grads (+=, so a Value used twice gets both);
numbers are wrapped in Values; subtraction, negation and division are built from +, * and **,
as micrograd builds them, so the floating-point results are micrograd's.

Unlike micrograd, the inputs are also kept in order (_inputs) and backward walks them
depth-first without recursion, so the order of gradient accumulation is reproducible (micrograd
iterates a set) and deep graphs do not hit Python's recursion limit.
"""

SHIM = True


class Value:
    """A scalar and the gradient of some output with respect to it."""

    def __init__(self, data, _children=(), _op=''):
        self.data = data
        self.grad = 0
        self._backward = lambda: None
        self._inputs = tuple(dict.fromkeys(_children))
        self._prev = set(self._inputs)
        self._op = _op

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), '+')

        def _backward():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), '*')

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def __pow__(self, other):
        if not isinstance(other, (int, float)):
            raise TypeError('only int/float powers are supported, as in micrograd')
        out = Value(self.data ** other, (self,), f'**{other}')

        def _backward():
            self.grad += (other * self.data ** (other - 1)) * out.grad
        out._backward = _backward
        return out

    def relu(self):
        out = Value(0 if self.data < 0 else self.data, (self,), 'ReLU')

        def _backward():
            self.grad += (out.data > 0) * out.grad
        out._backward = _backward
        return out

    def backward(self):
        order = []
        seen = {self}
        stack = [(self, iter(self._inputs))]
        while stack:
            node, pending = stack[-1]
            for child in pending:
                if child not in seen:
                    seen.add(child)
                    stack.append((child, iter(child._inputs)))
                    break
            else:
                stack.pop()
                order.append(node)
        self.grad = 1
        for node in reversed(order):
            node._backward()

    def __neg__(self):
        return self * -1

    def __radd__(self, other):
        return self + other

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return other + (-self)

    def __rmul__(self, other):
        return self * other

    def __truediv__(self, other):
        return self * other ** -1

    def __rtruediv__(self, other):
        return other * self ** -1

    def __repr__(self):
        return f'Value(data={self.data}, grad={self.grad})'
